import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { changeLogTables, toChangeRecord, type ChangeRow } from './changeEvent';
import { changeLog } from './changeLog';
import { readChanges } from './changeLogDb';
import { openTestDb } from './testDb';

let db: Dexie;
afterEach(() => db?.close());

const order = (id: string, status = 'PENDING') => ({ id, status, total: 10 });
const changes = () => readChanges(db, 0, 100);

describe('change log middleware', () => {
  it('logs an insert in the same transaction, as op c with no before', async () => {
    db = openTestDb();
    await db.table('orders').add(order('o1'));
    const [row] = await changes();
    expect(toChangeRecord(row)).toEqual({
      key: 'o1',
      value: {
        op: 'c',
        before: null,
        after: order('o1'),
        ts_ms: 1_000,
        source: { service: 'order', table: 'orders', txId: 'tx-1', sequence: 1 },
      },
    });
  });

  it('a rolled-back transaction leaves no change row', async () => {
    db = openTestDb();
    await expect(
      db.transaction('rw', db.table('orders'), async () => {
        await db.table('orders').add(order('o1'));
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await db.table('orders').count()).toBe(0);
    expect(await changes()).toEqual([]);
  });

  it('an update carries the old row as before and the new one as after', async () => {
    db = openTestDb();
    await db.table('orders').add(order('o1'));
    await db.table('orders').put(order('o1', 'COMPLETED'));
    await db.table('orders').update('o1', { status: 'CANCELLED' });
    const [, put, update] = (await changes()).map((r) => toChangeRecord(r).value);
    expect(put).toMatchObject({ op: 'u', before: order('o1'), after: order('o1', 'COMPLETED') });
    expect(update).toMatchObject({
      op: 'u',
      before: order('o1', 'COMPLETED'),
      after: order('o1', 'CANCELLED'),
    });
  });

  it('a delete carries the old row as before and no after; deleting a missing key logs nothing', async () => {
    db = openTestDb();
    await db.table('orders').add(order('o1'));
    await db.table('orders').delete('o1');
    await db.table('orders').delete('nope');
    const [, deleted, ...rest] = await changes();
    expect(toChangeRecord(deleted)).toMatchObject({
      key: 'o1',
      value: { op: 'd', before: order('o1'), after: null },
    });
    expect(rest).toEqual([]);
  });

  it('clear and range deletes report one delete per row', async () => {
    db = openTestDb();
    await db.table('orders').bulkAdd([order('o1'), order('o2'), order('o3')]);
    await db.table('orders').where('id').below('o2').delete();
    await db.table('orders').clear();
    const deletes = (await changes()).filter((r) => r.op === 'd');
    expect(deletes.map((r) => [r.key, r.before?.id])).toEqual([
      ['o1', 'o1'],
      ['o2', 'o2'],
      ['o3', 'o3'],
    ]);
  });

  it('gives every change of one transaction the same txId and increasing sequences', async () => {
    db = openTestDb();
    await db.transaction('rw', [db.table('orders'), db.table('outbox')], async () => {
      await db.table('orders').add(order('o1'));
      await db.table('outbox').add({ id: 'm1', aggregatetype: 'Order', aggregateid: 'o1' });
    });
    await db.table('orders').put(order('o2'));
    const rows = await changes();
    expect(rows.map((r) => [r.seq, r.source.txId, r.table])).toEqual([
      [1, 'tx-1', 'orders'],
      [2, 'tx-1', 'outbox'],
      [3, 'tx-2', 'orders'],
    ]);
    // The outbox's auto-incremented key is filled into after.
    expect(rows[1].after).toMatchObject({ seq: 1, id: 'm1' });
  });

  it('widens a transaction that does not list the changes table, and skips failed writes of a bulk add', async () => {
    db = openTestDb();
    await db.table('orders').add(order('o1'));
    await db
      .transaction('rw', db.table('orders'), () => db.table('orders').bulkAdd([order('o1'), order('o2')]))
      .catch((error) => expect(error.name).toBe('BulkError'));
    // The bulk add's failure aborted its transaction, so o2 is not there and neither is its change.
    const rows = await changes();
    expect(rows.map((r) => r.key)).toEqual(['o1']);
  });

  it('refuses to open a database without a changes table', async () => {
    db = new Dexie('cdc-no-changes', { indexedDB, IDBKeyRange });
    db.version(1).stores({ orders: 'id' });
    db.use(changeLog({ service: 'order', tables: ['orders'], now: () => 0, newTxId: () => 'tx' }));
    await expect(db.open()).rejects.toThrow(/no 'changes' table; add it with changeLogTables/);
    expect(changeLogTables).toBe('++seq, [table+seq]');
  });

  it('logs a keyless put as a create, and works under Dexie hooks, which need the transaction zone', async () => {
    db = openTestDb();
    db.table('orders').hook('creating', (_key, obj) => void (obj.total = 99));
    await db.table('outbox').put({ id: 'm1' });
    await db.transaction('rw', db.table('orders'), async () => {
      await db.table('orders').put(order('o1'));
      await db.table('orders').put(order('o1', 'COMPLETED'));
    });
    const rows = await changes();
    expect(rows.map((r) => [r.table, r.op, r.key])).toEqual([
      ['outbox', 'c', 1],
      ['orders', 'c', 'o1'],
      ['orders', 'u', 'o1'],
    ]);
    expect(rows[1].after).toEqual({ ...order('o1'), total: 99 });
  });

  it('leaves uncaptured tables alone', async () => {
    db = openTestDb('order', ['outbox']);
    await db.table('orders').add(order('o1'));
    expect(await changes()).toEqual([] as ChangeRow[]);
  });
});
