// A live event-sourced run's past moments: at({ time }) folds the recorded
// facts into snapshot()'s shape. While the bank is down after a crash mid-
// transfer, a moment has only the orders store (the conductor's snapshot
// leaves a crashed process out); once it is back, the bank is there again and its recovery makes the money whole;
// and the moment of the last fact is the snapshot of now, exactly.

import { test, expect } from './esFixtures';
import type { EsSystemSnapshot } from '../src/core/eventsourcing/esInvariants';

type Loose = { kind: string; process?: string; status?: string };

test('a live event-sourced run with a bank crash mid-transfer: at({ time }) leaves the bank out while it is down, and the last moment is snapshot()', async ({
  run,
}) => {
  await run.openEs({ snapshotEvery: 3 });
  await run.es((api) => api.orderCommand('o-1', { type: 'create', customerId: 'alice' }));
  await run.es((api) => api.crashAt('bank', 'transfer-after-debit-before-credit'));
  await run.es((api) => api.transfer('acc-alice', 'acc-bob', 30).catch(() => null));
  await expect.poll(() => run.es((api) => api.status('bank'))).toBe('crashed');
  await run.es((api) => api.restart('bank'));
  await run.es((api) => api.settle(60_000));

  const facts = await run.es((api) => api.history());
  const crash = facts.find((f) => f.fact.kind === 'crashed')!;
  const back = facts.find(
    (f) =>
      f.seq > crash.seq &&
      (f.fact as Loose).kind === 'process' &&
      (f.fact as Loose).process === 'bank' &&
      (f.fact as Loose).status === 'running',
  )!;
  expect(crash.step).toBeNull();
  const down = await run.es((api, time) => api.at({ time }) as Promise<EsSystemSnapshot>, crash.at);
  expect(down.stores.map((s) => s.store)).toEqual(['orders']);
  expect(down.stores[0].streams.map((s) => s.id)).toEqual(['o-1']);
  // Back up, the bank is in the moment again; its recovery finishes the transfer soon after (by the last fact).
  const up = await run.es((api, time) => api.at({ time }) as Promise<EsSystemSnapshot>, back.at);
  expect(up.stores.map((s) => s.store)).toEqual(['orders', 'bank']);
  const settled = await run.es(
    (api, time) => api.at({ time }) as Promise<EsSystemSnapshot>,
    facts.at(-1)!.at,
  );
  expect(settled.stores.find((s) => s.store === 'bank')?.money).toEqual({
    balances: 150,
    inFlight: 0,
    external: 150,
  });

  const last = facts.at(-1)!.at;
  const now = await run.es((api) => api.snapshot());
  expect(await run.es((api, time) => api.at({ time }) as Promise<EsSystemSnapshot>, last)).toEqual(now);
  expect(now.readModels?.balances.find((r) => r.id === 'acc-bob')).toMatchObject({ balance: 80 });
});
