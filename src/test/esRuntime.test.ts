import { SAMPLE_ORDER } from './sampleRuns';
import { afterEach, describe, expect, it } from 'vitest';
import { isCrash } from '../core/crash';
import { loadAggregate, replay } from '../core/eventsourcing/aggregate';
import { checkEsInvariants } from '../core/eventsourcing/esInvariants';
import { checkpointOf } from '../core/eventsourcing/projection';
import { checkpointName } from '../core/eventsourcing/projectionSources';
import { orderAggregate } from '../core/eventsourcing/orderAggregate';
import { readYourWrites } from '../core/eventsourcing/readYourWrites';
import { createEsHarness, type EsHarness } from './esHarness';

let h: EsHarness;
afterEach(() => h?.close());

const ORDER = SAMPLE_ORDER;

async function buildOrder(id: string) {
  for (const command of ORDER) await h.store('orders').command(id, command);
}

describe('the query service', () => {
  it('crashed at projection-before-checkpoint-commit applies nothing of the batch; after restart it applies it once', async () => {
    h = createEsHarness();
    await h.startStore('orders');
    await h.store('orders').command('o-1', { type: 'create', customerId: 'alice' });
    await h.store('orders').command('o-1', { type: 'addItem', sku: 'MUG', qty: 1, price: 12 });
    const query = await h.startQuery();
    query.arm('projection-before-checkpoint-commit');

    const crashed = await query.projectOnce().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isCrash(crashed)).toBe(true);
    expect(h.crashes).toEqual([{ process: 'query', point: 'projection-before-checkpoint-commit' }]);
    // Dead: nothing more runs in this process.
    await expect(query.projectOnce()).rejects.toThrow('crashed at');

    const restarted = await h.startQuery();
    expect(await checkpointOf(restarted.db, checkpointName('orderSummaries', 'orders'))).toBe(0);
    expect(await restarted.readModel('orderSummaries')).toEqual([]);
    expect((await restarted.projectOnce()).applied).toBe(2);
    expect((await restarted.projectOnce()).applied).toBe(0);
    expect(await restarted.orderSummary('o-1')).toMatchObject({ items: 1, total: 12, version: 2 });
    expect(h.facts.filter((f) => f.kind === 'projected')).toEqual([
      { kind: 'projected', name: 'orderSummaries', checkpoint: 2, applied: 2 },
    ]);
  });

  it('read models equal the state folded from the events after catching up; lag is zero; a tampered row is caught', async () => {
    h = createEsHarness();
    await h.startStore('orders', 10);
    await h.startStore('bank', 3);
    await buildOrder('o-1');
    await h.store('orders').command('o-2', { type: 'create', customerId: 'bob' });
    await h.store('orders').growOrder('o-2', 57);
    await h.store('bank').transfer({ transferId: 't-1', from: 'acc-alice', to: 'acc-carol', amount: 40 });
    await h.store('bank').command('acc-bob', { type: 'withdraw', amount: 5 });
    const query = await h.startQuery();

    // orders: 7 + 1 + 57 events; bank: 5 opening the accounts, 3 for the transfer, 1 withdrawal (per read model).
    expect((await query.lag()).map((l) => [l.name, l.behind])).toEqual([
      ['orderSummaries', 65],
      ['balances', 9],
      ['history', 9],
    ]);
    await h.catchUp();
    expect((await query.lag()).every((l) => l.behind === 0 && l.oldestAgeMs === null)).toBe(true);
    expect(checkEsInvariants(await h.snapshot(), { settled: true })).toEqual([]);
    expect(await query.orderSummary('o-1')).toMatchObject({ status: 'CONFIRMED', total: 120, version: 7 });
    const balances = Object.fromEntries((await query.readModel('balances')).map((r) => [r.id, r.balance]));
    expect(balances).toEqual({ 'acc-alice': 60, 'acc-bob': 45, 'acc-carol': 40 });

    await query.db
      .table('balances')
      .put({ id: 'acc-bob', owner: 'bob', balance: 999, closed: false, version: 3 });
    expect(checkEsInvariants(await h.snapshot(), { settled: true })).toEqual([
      { invariant: 'read-model-converged', message: 'balances says acc-bob holds 999; its events say 45.' },
    ]);
    // Not settled: the read models are allowed to trail.
    expect(checkEsInvariants(await h.snapshot(), { settled: false })).toEqual([]);
  });

  it('a rebuild clears the read model and replays every event, reporting progress, to the same rows', async () => {
    h = createEsHarness();
    await h.startStore('bank');
    for (let i = 0; i < 6; i++)
      await h.store('bank').transfer({ transferId: `t-${i}`, from: 'acc-alice', to: 'acc-bob', amount: 5 });
    const query = await h.startQuery();
    await h.catchUp();
    const before = await query.readModel('balances');
    await query.rebuild('balances');
    expect(await query.readModel('balances')).toEqual(before);
    const progress = h.facts.filter((f) => f.kind === 'rebuild-progress');
    expect(progress[0]).toMatchObject({ done: 0, finished: false });
    expect(progress.at(-1)).toMatchObject({ finished: true });
    const last = progress.at(-1) as { done: number; total: number };
    expect(last.done).toBe(last.total);
  });
});

describe('the event-sourced bank', () => {
  it('a transfer crashed after the debit is resumed when the bank restarts: money is conserved', async () => {
    h = createEsHarness();
    const bank = await h.startStore('bank', 4);
    bank.arm('transfer-after-debit-before-credit');
    const crashed = await bank
      .transfer({ transferId: 't-1', from: 'acc-alice', to: 'acc-bob', amount: 30 })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isCrash(crashed)).toBe(true);
    expect(h.crashes).toEqual([{ process: 'bank', point: 'transfer-after-debit-before-credit' }]);
    expect((await bank.audit()).money).toEqual({ balances: 120, inFlight: 30, external: 150 });
    // The invariant holds even now: the money is in flight, not lost.
    expect(checkEsInvariants(await h.snapshot(), { settled: false })).toEqual([]);

    const restarted = await h.startStore('bank', 4);
    expect(await restarted.transfersInFlight()).toBe(0);
    expect((await restarted.audit()).money).toEqual({ balances: 150, inFlight: 0, external: 150 });
    const b = await restarted.stateAt('acc-bob');
    expect(b.state).toMatchObject({ balance: 80, received: ['t-1'] });
    // Starting again finds nothing left to resume.
    await expect((await h.startStore('bank', 4)).transfersInFlight()).resolves.toBe(0);
  });

  it('counts a transfer credited but not yet completed once, not twice', async () => {
    h = createEsHarness();
    const bank = await h.startStore('bank');
    await bank.command('acc-alice', {
      type: 'initiateTransfer',
      transferId: 't-9',
      to: 'acc-bob',
      amount: 10,
    });
    await bank.command('acc-bob', { type: 'deposit', amount: 10, transferId: 't-9' });
    expect((await bank.audit()).money).toEqual({ balances: 150, inFlight: 0, external: 150 });
    expect(await bank.transfersInFlight()).toBe(1);
  });
});

describe('the orders store', () => {
  it('replayed equals live for every stream, and stateAt each version equals the replay step', async () => {
    h = createEsHarness();
    const orders = await h.startStore('orders', 3);
    await buildOrder('o-1');
    await orders.command('o-2', { type: 'create', customerId: 'bob' });
    await orders.growOrder('o-2', 20);
    const audit = await orders.audit();
    expect(audit.streams.map((s) => s.id).sort()).toEqual(['o-1', 'o-2']);
    for (const s of audit.streams) expect(s.live).toEqual(s.replayed);
    expect(checkEsInvariants(await h.snapshot(), { settled: false })).toEqual([]);

    const steps = await replay(orders.store, orderAggregate, 'o-1');
    for (const step of steps) {
      expect((await orders.stateAt('o-1', step.version)).state).toEqual(step.state);
      expect((await orders.stateAt('o-1', step.version, false)).state).toEqual(step.state);
    }
    const latest = await orders.stateAt('o-1');
    expect(latest).toMatchObject({
      version: 7,
      load: { snapshots: true, snapshotVersion: 6, eventsRead: 1 },
    });
  });

  it('grows a stream in chunks with a snapshot per multiple; a load with snapshots reads the tail only', async () => {
    h = createEsHarness();
    const orders = await h.startStore('orders', 100);
    await orders.command('big', { type: 'create', customerId: 'carol' });
    await orders.growOrder('big', 1234);
    const { withSnapshots, withoutSnapshots } = await orders.loadStats('big');
    expect(withoutSnapshots).toMatchObject({ snapshots: false, snapshotVersion: null, eventsRead: 1235 });
    expect(withSnapshots).toMatchObject({ snapshots: true, snapshotVersion: 1200, eventsRead: 35 });
    expect((await orders.stateAt('big')).state).toMatchObject({ lines: [], total: 0 });
    const grown = h.facts.filter((f) => f.kind === 'grow-progress');
    expect(grown.map((f) => (f as { done: number }).done)).toEqual([500, 1000, 1234]);
    expect(h.facts.filter((f) => f.kind === 'snapshot')).toHaveLength(12);
  });

  it('crashed after an append and before its snapshot: the events stay, the snapshot is missing, loads stay correct', async () => {
    h = createEsHarness();
    const orders = await h.startStore('orders', 2);
    await orders.command('o-1', { type: 'create', customerId: 'alice' });
    orders.arm('es-after-append-before-snapshot');
    await expect(orders.command('o-1', { type: 'addItem', sku: 'MUG', qty: 1, price: 12 })).rejects.toThrow(
      'crashed at es-after-append-before-snapshot',
    );
    const restarted = await h.startStore('orders', 2);
    expect(await restarted.streams()).toEqual([
      { store: 'orders', id: 'o-1', version: 2, snapshotVersion: null },
    ]);
    const loaded = await loadAggregate(restarted.store, orderAggregate, 'o-1', { snapshots: true });
    expect(loaded).toMatchObject({ version: 2, snapshotVersion: null, eventsRead: 2 });
    expect(checkEsInvariants(await h.snapshot(), { settled: false })).toEqual([]);
  });

  it('a staged race: the second writer gets in between, our append meets one conflict and goes through on retry', async () => {
    h = createEsHarness();
    const orders = await h.startStore('orders');
    const race = await orders.stageRace('o-race');
    expect(race).toEqual({
      conflicts: 1,
      message: 'wrong expected version for o-race: expected 1, the stream is at 2',
    });
    expect((await orders.stateAt('o-race')).state).toMatchObject({ total: 30 });
    expect(h.facts.filter((f) => f.kind === 'conflict')).toHaveLength(1);
  });
});

describe('read-your-writes', () => {
  const deps = (readsBeforeVisible: number) => {
    let reads = 0;
    return {
      write: async () => ({ version: 2, state: { id: 'o-1', total: 12 } }),
      read: async () => (++reads > readsBeforeVisible ? { id: 'o-1', version: 2 } : null),
      sleep: async () => undefined,
      pollMs: 1,
      maxReads: 50,
    };
  };

  it('eventual shows the first read ("not found"); polling reads until the version arrives; return-entity shows the write', async () => {
    expect(await readYourWrites('eventual', 'o-1', deps(3))).toMatchObject({
      firstRead: null,
      shown: null,
      reads: 1,
    });
    expect(await readYourWrites('poll-read-model', 'o-1', deps(3))).toMatchObject({
      firstRead: null,
      shown: { version: 2 },
      reads: 4,
    });
    expect(await readYourWrites('return-entity', 'o-1', deps(3))).toMatchObject({
      firstRead: null,
      shown: { id: 'o-1', total: 12 },
      wrote: { id: 'o-1', total: 12 },
    });
  });
});
