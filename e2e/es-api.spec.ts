// The event-sourced run through its scripting API, on real workers and real
// IndexedDB: time travel, snapshots on a 10,000-event stream, a staged race,
// a rebuilt read model, crashes of the query service and of the bank mid-
// transfer, and read-your-writes.

import { test, expect, type EsPage } from './esFixtures';
import { orderAggregate, type EsOrderState } from '../src/core/eventsourcing/orderAggregate';
import { upcast } from '../src/core/eventsourcing/upcasting';
import { SAMPLE_ORDER } from '../src/test/sampleRuns';

const ORDER = SAMPLE_ORDER;

async function placeOrder(run: EsPage, id: string, commands = ORDER): Promise<void> {
  for (const command of commands)
    await run.es((api, a) => api.orderCommand(a.id, a.command), { id, command });
}

async function settledWithoutAnomalies(run: EsPage): Promise<void> {
  await run.es((api) => api.settle(60_000));
  expect(await run.es((api) => api.anomalies())).toEqual([]);
}

test('an order built by commands: live, full replay and every earlier version agree with the fold of its events', async ({
  run,
}) => {
  await run.openEs({ snapshotEvery: 3 });
  await placeOrder(run, 'o-travel');
  const live = await run.es((api) => api.stateAt('o-travel'));
  const replayed = await run.es((api) => api.stateAt('o-travel', undefined, false));
  const events = await run.es((api) => api.events('o-travel'));
  expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  expect(live.load).toMatchObject({ snapshots: true, snapshotVersion: 6, eventsRead: 1 });
  expect(replayed.load).toMatchObject({ snapshots: false, snapshotVersion: null, eventsRead: 7 });
  expect(live.state).toEqual(replayed.state);

  let folded: EsOrderState = orderAggregate.initial('o-travel');
  for (const event of events) {
    folded = orderAggregate.apply(folded, upcast(event, orderAggregate.upcasters ?? {}));
    const at = await run.es((api, v) => api.stateAt('o-travel', v), event.version);
    expect(at.version).toBe(event.version);
    expect(at.state, `state at version ${event.version}`).toEqual(folded);
  }
  expect(live.state).toEqual(folded);
  expect(folded).toMatchObject({ status: 'CONFIRMED', total: 120 });
  await settledWithoutAnomalies(run);
});

test('a 10,000-event order loads from one snapshot and a short tail; without snapshots it reads all 10,001 events', async ({
  run,
}) => {
  await run.openEs({ snapshotEvery: 100 });
  await placeOrder(run, 'big', [{ type: 'create', customerId: 'carol' }]);
  await run.es((api) => api.growOrder('big', 10_000));
  const { withSnapshots, withoutSnapshots } = await run.es((api) => api.loadStats('big'));
  expect(withSnapshots.snapshotVersion).not.toBeNull();
  expect(withSnapshots.eventsRead).toBeLessThan(100);
  expect(withoutSnapshots).toMatchObject({ snapshotVersion: null, eventsRead: 10_001 });
  const streams = await run.es((api) => api.streams());
  expect(streams.find((s) => s.id === 'big')).toMatchObject({
    store: 'orders',
    version: 10_001,
    snapshotVersion: 10_000,
  });
  await settledWithoutAnomalies(run);

  // The same stream in a run whose snapshots are off.
  await run.openEs({ snapshotEvery: 0 });
  await placeOrder(run, 'big', [{ type: 'create', customerId: 'carol' }]);
  await run.es((api) => api.growOrder('big', 10_000));
  const off = (await run.es((api) => api.stateAt('big'))).load;
  expect(off).toMatchObject({ snapshots: true, snapshotVersion: null, eventsRead: 10_001 });
  console.log(
    `10,001-event order: ${withSnapshots.ms.toFixed(1)} ms from snapshot v${withSnapshots.snapshotVersion} + ${withSnapshots.eventsRead} events; ` +
      `${withoutSnapshots.ms.toFixed(1)} ms replaying all ${withoutSnapshots.eventsRead} (same run); ${off.ms.toFixed(1)} ms in a run with snapshots off`,
  );
});

test('a staged race reports one conflict, and both writes end up on the order', async ({ run }) => {
  await run.openEs();
  const race = await run.es((api) => api.stageRace('o-race'));
  expect(race.conflicts).toBe(1);
  expect(race.message).toMatch(/^wrong expected version for o-race: expected \d+, the stream is at \d+$/);
  expect((await run.es((api) => api.stateAt('o-race'))).state).toMatchObject({ total: 30 });
  await settledWithoutAnomalies(run);
});

test('rebuilding balances clears them and replays every event to the same rows', async ({ run }) => {
  await run.openEs();
  await run.es((api) => api.transfer('acc-alice', 'acc-bob', 30));
  await run.es((api) => api.transfer('acc-bob', 'acc-carol', 10));
  await run.es((api) => api.settle(30_000));
  const sorted = (rows: Record<string, unknown>[]) =>
    [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
  const before = sorted(await run.es((api) => api.readModel('balances')));
  expect(before.map((r) => [r.id, r.balance])).toEqual([
    ['acc-alice', 70],
    ['acc-bob', 70],
    ['acc-carol', 10],
  ]);
  await run.es((api) => api.rebuildReadModel('balances'));
  expect(sorted(await run.es((api) => api.readModel('balances')))).toEqual(before);
  await settledWithoutAnomalies(run);
});

test('query crashed mid-projection and restarted: nothing of the batch was kept, the read models converge, no anomaly', async ({
  run,
}) => {
  await run.openEs();
  await run.es((api) => api.settle(30_000));
  await run.es((api) => api.crashAt('query', 'projection-before-checkpoint-commit'));
  await placeOrder(run, 'o-lost', ORDER.slice(0, 3));
  await expect.poll(() => run.es((api) => api.status('query'))).toBe('crashed');
  await run.es((api) => api.restart('query'));
  await settledWithoutAnomalies(run);
  const summaries = await run.es((api) => api.readModel('orderSummaries'));
  expect(summaries).toEqual([expect.objectContaining({ id: 'o-lost', items: 3, total: 49, version: 3 })]);
});

test('a transfer with the bank crashed after the debit completes after restart, and money is conserved', async ({
  run,
}) => {
  await run.openEs();
  await run.es((api) => api.crashAt('bank', 'transfer-after-debit-before-credit'));
  const failed = await run.es((api) =>
    api.transfer('acc-alice', 'acc-bob', 30).then(
      () => 'completed',
      (error: Error) => error.message,
    ),
  );
  expect(failed).toMatch(/bank crashed/);
  expect(await run.es((api) => api.status('bank'))).toBe('crashed');
  await run.es((api) => api.restart('bank'));
  await settledWithoutAnomalies(run);
  const balances = await run.es((api) => api.readModel('balances'));
  expect(Object.fromEntries(balances.map((r) => [r.id, r.balance]))).toEqual({
    'acc-alice': 70,
    'acc-bob': 80,
    'acc-carol': 0,
  });
  expect((await run.es((api) => api.stateAt('acc-bob'))).state).toMatchObject({ balance: 80 });
  expect((await run.es((api) => api.stateAt('acc-alice'))).state).toMatchObject({ balance: 70, pending: [] });
});

test('read-your-writes at teaching pace: eventual reads "not found"; polling ends with the summary; return-entity shows the write', async ({
  run,
}) => {
  await run.openEs({ pace: 'teaching' });
  const eventual = await run.es((api) => api.readYourWrites('eventual'));
  expect(eventual.firstRead).toBeNull();
  expect(eventual.shown).toBeNull();

  const polled = await run.es((api) => api.readYourWrites('poll-read-model'));
  expect(polled.shown).toMatchObject({ id: polled.orderId, total: 12, version: 2 });
  expect(polled.reads).toBeGreaterThan(1);

  const returned = await run.es((api) => api.readYourWrites('return-entity'));
  expect(returned.shown).toEqual(returned.wrote);
  expect(returned.shown).toMatchObject({ id: returned.orderId, status: 'DRAFT', total: 12 });
});

test("a link's fault plan arms the event-sourced processes: the planned bank crash fires mid-transfer, and the run recovers", async ({
  run,
}) => {
  await run.openEs({
    faults: [{ kind: 'crash', service: 'bank', point: 'transfer-after-debit-before-credit', nth: 1 }],
  });
  const failed = await run.es((api) =>
    api.transfer('acc-alice', 'acc-carol', 40).then(
      () => 'completed',
      (error: Error) => error.message,
    ),
  );
  expect(failed).toMatch(/bank crashed/);
  await run.es((api) => api.restart('bank'));
  // Fired once: the restarted bank is not armed again, so the next transfer goes through.
  expect(await run.es((api) => api.transfer('acc-bob', 'acc-carol', 10))).toBeTruthy();
  await settledWithoutAnomalies(run);
  const balances = await run.es((api) => api.readModel('balances'));
  expect(Object.fromEntries(balances.map((r) => [r.id, r.balance]))).toEqual({
    'acc-alice': 60,
    'acc-bob': 40,
    'acc-carol': 50,
  });
});

test("a link's planned outage takes the bank down for its downMs, then it comes back by itself and finishes the transfer", async ({
  run,
}) => {
  await run.openEs({
    faults: [
      { kind: 'crash', service: 'bank', point: 'transfer-after-debit-before-credit', nth: 1, downMs: 1500 },
    ],
  });
  const failed = await run.es((api) =>
    api.transfer('acc-alice', 'acc-carol', 40).then(
      () => 'completed',
      (error: Error) => error.message,
    ),
  );
  expect(failed).toMatch(/bank crashed/);
  expect(await run.es((api) => api.status('bank'))).toBe('crashed');
  // Nobody restarts it: the outage ends on its own, and the bank resumes the transfer from its events.
  await expect.poll(() => run.es((api) => api.status('bank')), { timeout: 30_000 }).toBe('running');
  await settledWithoutAnomalies(run);
  const balances = await run.es((api) => api.readModel('balances'));
  expect(Object.fromEntries(balances.map((r) => [r.id, r.balance]))).toMatchObject({
    'acc-alice': 60,
    'acc-carol': 40,
  });
});
