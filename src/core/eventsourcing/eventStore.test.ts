import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { EventStore, openEventStoreDb, WrongExpectedVersion } from './eventStore';
import { loadAggregate, replay } from './aggregate';
import { handleCommand } from './commandHandler';
import { decideOrder, orderAggregate, RuleBroken, type OrderCommand } from './orderAggregate';
import { accountAggregate, decideAccount } from './bankAggregate';
import { catchUp, checkpointOf, projectBatch, rebuild, lagOf } from './projection';
import { accountBalances, orderSummaries, READ_MODEL_TABLES, transactionHistory } from './readModels';

const deps = { indexedDB, IDBKeyRange };
let n = 0;
const open: Dexie[] = [];
function store(): EventStore {
  const db = openEventStoreDb(`es-test-${++n}-${Date.now()}`, deps);
  open.push(db);
  let t = 0;
  return new EventStore(db, () => ++t);
}
function queryDb(): Dexie {
  const db = new Dexie(`query-test-${++n}-${Date.now()}`, deps);
  db.version(1).stores(READ_MODEL_TABLES);
  open.push(db);
  return db;
}
afterEach(() => open.splice(0).forEach((db) => db.close()));

const order = (s: EventStore, id: string, command: OrderCommand, snapshotEvery = 0) =>
  handleCommand(s, orderAggregate, decideOrder, id, command, { snapshotEvery });

describe('event store', () => {
  it('reads a long stream the same whether its events sit together in the log or are spread between others', async () => {
    const s = store();
    const versions = new Map<string, number>();
    const add = async (stream: string, n: number) => {
      const version = versions.get(stream) ?? 0;
      await s.append(
        stream,
        version,
        Array.from({ length: n }, (_, i) => ({ type: 'Noted', data: { i } })),
      );
      versions.set(stream, version + n);
    };
    // 'dense': 300 events with a few of another stream's in between; 'sparse': 300 events, one in every three.
    for (let round = 0; round < 3; round++) {
      await add('dense', 100);
      await add('other', 10);
    }
    for (let i = 0; i < 300; i++) {
      await add('sparse', 1);
      await add('other', 2);
    }
    for (const stream of ['dense', 'sparse']) {
      const all = await s.read(stream);
      expect(all.map((e) => e.version)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
      expect(all.every((e) => e.stream === stream)).toBe(true);
      expect((await s.read(stream, 50, 250)).map((e) => e.version)).toEqual(
        Array.from({ length: 200 }, (_, i) => i + 51),
      );
    }
    expect(await s.read('nobody')).toEqual([]);
  });

  it('appends with an expected version and refuses a stale one with a clear error', async () => {
    const s = store();
    await s.append('o-1', 0, [{ type: 'OrderCreated', data: { customerId: 'alice' } }]);
    expect(await s.version('o-1')).toBe(1);
    const stale = s.append('o-1', 0, [{ type: 'OrderCreated', data: {} }]);
    await expect(stale).rejects.toBeInstanceOf(WrongExpectedVersion);
    await expect(stale).rejects.toThrow('wrong expected version for o-1: expected 0, the stream is at 1');
    expect((await s.read('o-1')).map((e) => e.version)).toEqual([1]);
  });

  it('a staged race: the loser gets a conflict, reloads, decides again and succeeds', async () => {
    const s = store();
    await order(s, 'o-1', { type: 'create', customerId: 'alice' });
    const won = await handleCommand(
      s,
      orderAggregate,
      decideOrder,
      'o-1',
      { type: 'addItem', sku: 'MUG', qty: 1, price: 12 },
      {
        snapshotEvery: 0,
        beforeAppend: async () =>
          void (await order(s, 'o-1', { type: 'addItem', sku: 'BOOK', qty: 2, price: 25 })),
      },
    );
    expect(won.conflicts).toBe(1);
    expect((await loadAggregate(s, orderAggregate, 'o-1', { snapshots: false })).state.total).toBe(62);
  });

  it('enforces the order rules: no changes after confirmation, no confirming an empty order', async () => {
    const s = store();
    await order(s, 'o-1', { type: 'create', customerId: 'bob' });
    await expect(order(s, 'o-1', { type: 'confirm' })).rejects.toThrow(RuleBroken);
    await order(s, 'o-1', { type: 'addItem', sku: 'LAMP', qty: 1, price: 60 });
    await order(s, 'o-1', { type: 'confirm' });
    await expect(order(s, 'o-1', { type: 'addItem', sku: 'MUG', qty: 1, price: 12 })).rejects.toThrow(
      'no changes after confirmation',
    );
  });

  it('snapshot + tail equals a full replay, and reads far fewer events', async () => {
    const s = store();
    await order(s, 'o-1', { type: 'create', customerId: 'carol' }, 10);
    for (let i = 0; i < 45; i++)
      await order(s, 'o-1', { type: 'addItem', sku: `SKU-${i % 7}`, qty: 1, price: i }, 10);
    const full = await loadAggregate(s, orderAggregate, 'o-1', { snapshots: false });
    const fast = await loadAggregate(s, orderAggregate, 'o-1', { snapshots: true });
    expect(fast.state).toEqual(full.state);
    expect(full.eventsRead).toBe(46);
    expect(fast.snapshotVersion).toBe(40);
    expect(fast.eventsRead).toBe(6);
    // Time travel: the state as of version 20, with and without snapshots, agrees with the replay's step 20.
    const steps = await replay(s, orderAggregate, 'o-1');
    const at20 = await loadAggregate(s, orderAggregate, 'o-1', { snapshots: true, upTo: 20 });
    expect(at20.state).toEqual(steps[19].state);
    expect(at20.snapshotVersion).toBe(20);
  });

  it('upcasts an old event shape on read', async () => {
    const s = store();
    await s.append('o-1', 0, [
      { type: 'OrderCreated', data: { customerId: 'dave' } },
      { type: 'ItemAdded', schema: 1, data: { sku: 'MUG', qty: 2, priceCents: 1250 } },
    ]);
    const { state } = await loadAggregate(s, orderAggregate, 'o-1', { snapshots: false });
    expect(state.lines).toEqual([{ sku: 'MUG', qty: 2, price: 12.5 }]);
    expect(state.total).toBe(25);
  });
});

describe('projections', () => {
  it('keep their checkpoint with their writes: a crash before commit applies nothing, the rerun applies once', async () => {
    const s = store();
    const q = queryDb();
    await order(s, 'o-1', { type: 'create', customerId: 'alice' });
    await order(s, 'o-1', { type: 'addItem', sku: 'MUG', qty: 1, price: 12 });
    const crash = () => {
      throw new Error('crashed before commit');
    };
    await expect(projectBatch(s, q, orderSummaries, 10, crash)).rejects.toThrow('crashed before commit');
    expect(await checkpointOf(q, 'orderSummaries')).toBe(0);
    expect(await q.table('orderSummaries').count()).toBe(0);
    expect(await projectBatch(s, q, orderSummaries, 10)).toBe(2);
    expect(await projectBatch(s, q, orderSummaries, 10)).toBe(0);
    expect(await q.table('orderSummaries').get('o-1')).toMatchObject({ items: 1, total: 12, version: 2 });
  });

  it('a rebuilt read model equals the one built incrementally; lag counts what is not applied', async () => {
    const s = store();
    const q = queryDb();
    await handleCommand(
      s,
      accountAggregate,
      decideAccount,
      'acc-a',
      { type: 'open', owner: 'alice' },
      { snapshotEvery: 0 },
    );
    await handleCommand(
      s,
      accountAggregate,
      decideAccount,
      'acc-a',
      { type: 'deposit', amount: 100 },
      { snapshotEvery: 0 },
    );
    await catchUp(s, q, accountBalances, 1);
    await handleCommand(
      s,
      accountAggregate,
      decideAccount,
      'acc-a',
      { type: 'withdraw', amount: 30 },
      { snapshotEvery: 0 },
    );
    expect((await lagOf(s, q, 'balances', 1000)).behind).toBe(1);
    await catchUp(s, q, accountBalances, 1);
    await catchUp(s, q, transactionHistory, 2);
    const before = await q.table('balances').toArray();
    const seen: number[] = [];
    await rebuild(s, q, accountBalances, 1, (done) => seen.push(done));
    expect(await q.table('balances').toArray()).toEqual(before);
    expect(before[0]).toMatchObject({ balance: 70 });
    expect(seen).toEqual([1, 2, 3]);
    expect((await q.table('history').toArray()).map((h) => h.amount)).toEqual([100, -30]);
  });
});

describe('the event-sourced bank', () => {
  it('a transfer interrupted after the debit is in flight, then resumed exactly once: money is conserved', async () => {
    const { transfer, resumeTransfers, moneyHeld, inFlight } = await import('./transfers');
    const s = store();
    const deps = { store: s, snapshotEvery: 3 };
    for (const [id, owner, amount] of [
      ['acc-a', 'alice', 100],
      ['acc-b', 'bob', 50],
    ] as const) {
      await handleCommand(s, accountAggregate, decideAccount, id, { type: 'open', owner }, deps);
      await handleCommand(s, accountAggregate, decideAccount, id, { type: 'deposit', amount }, deps);
    }
    const crashed = transfer(
      {
        ...deps,
        afterDebit: () => {
          throw new Error('crashed after debit');
        },
      },
      { transferId: 't-1', from: 'acc-a', to: 'acc-b', amount: 30 },
    );
    await expect(crashed).rejects.toThrow('crashed after debit');
    expect(await inFlight(s)).toEqual([{ transferId: 't-1', from: 'acc-a', to: 'acc-b', amount: 30 }]);
    expect(await moneyHeld(s)).toEqual({ balances: 120, inFlight: 30, external: 150 });
    expect(await resumeTransfers(deps)).toBe(1);
    expect(await resumeTransfers(deps)).toBe(0);
    expect(await moneyHeld(s)).toEqual({ balances: 150, inFlight: 0, external: 150 });
    const b = await loadAggregate(s, accountAggregate, 'acc-b', { snapshots: true });
    expect(b.state.balance).toBe(80);
    // A repeated credit of the same transfer changes nothing.
    const again = await handleCommand(
      s,
      accountAggregate,
      decideAccount,
      'acc-b',
      { type: 'deposit', amount: 30, transferId: 't-1' },
      deps,
    );
    expect(again.events).toEqual([]);
  });
});
