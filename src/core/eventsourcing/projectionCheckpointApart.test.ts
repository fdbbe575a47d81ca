// The "before" projection a scenario's `inbox: false` runs: its checkpoint in a
// transaction of its own after the batch's writes. A crash between the two
// leaves the batch applied and the checkpoint behind it, so the rerun applies
// the batch again — against the same crash with the checkpoint kept together.
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { handleCommand } from './commandHandler';
import { EventStore, openEventStoreDb } from './eventStore';
import { decideOrder, orderAggregate, type OrderCommand } from './orderAggregate';
import { checkpointOf, projectBatch } from './projection';
import { orderSummaries, READ_MODEL_TABLES } from './readModels';

const deps = { indexedDB, IDBKeyRange };
let n = 0;
const open: Dexie[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

async function oneOrder(): Promise<{ store: EventStore; query: Dexie }> {
  const db = openEventStoreDb(`apart-es-${++n}`, deps);
  const query = new Dexie(`apart-query-${n}`, deps);
  query.version(1).stores(READ_MODEL_TABLES);
  open.push(db, query);
  const store = new EventStore(db, () => 0);
  const order = (command: OrderCommand) =>
    handleCommand(store, orderAggregate, decideOrder, 'o-1', command, { snapshotEvery: 0 });
  await order({ type: 'create', customerId: 'alice' });
  await order({ type: 'addItem', sku: 'MUG', qty: 1, price: 12 });
  return { store, query };
}

const crash = () => {
  throw new Error('crashed before the checkpoint');
};

describe('a projection whose checkpoint is stored apart', () => {
  it('applies a batch twice when it dies between the writes and the checkpoint', async () => {
    const { store, query } = await oneOrder();
    const apart = { checkpointApart: true };
    await expect(projectBatch(store, query, orderSummaries, 10, crash, apart)).rejects.toThrow('crashed');
    expect(await checkpointOf(query, 'orderSummaries')).toBe(0);
    expect(await query.table('orderSummaries').get('o-1')).toMatchObject({ items: 1, total: 12 });
    expect(await projectBatch(store, query, orderSummaries, 10, undefined, apart)).toBe(2);
    expect(await checkpointOf(query, 'orderSummaries')).toBe(2);
    // The item was added once; the summary counts it twice.
    expect(await query.table('orderSummaries').get('o-1')).toMatchObject({ items: 2, total: 24 });
  });

  it('with no crash, ends where the projection kept together ends', async () => {
    const { store, query } = await oneOrder();
    expect(await projectBatch(store, query, orderSummaries, 10, undefined, { checkpointApart: true })).toBe(
      2,
    );
    expect(await projectBatch(store, query, orderSummaries, 10, undefined, { checkpointApart: true })).toBe(
      0,
    );
    expect(await query.table('orderSummaries').get('o-1')).toMatchObject({ items: 1, total: 12, version: 2 });
  });
});
