import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { batchTables } from './batchTables';

const open: Dexie[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function db(): Dexie {
  const d = new Dexie(`batch-tables-${Math.random()}`, { indexedDB, IDBKeyRange });
  d.version(1).stores({ summaries: 'id', history: '[account+position]' });
  open.push(d);
  return d;
}

describe('batchTables', () => {
  it('reads what the batch wrote, keeps the last write per row and writes nothing until flushed', async () => {
    const d = db();
    await d.table('summaries').put({ id: 'o-1', total: 1 });
    const batch = batchTables(d);
    const t = batch.table('summaries');
    expect(await t.get('o-1')).toEqual({ id: 'o-1', total: 1 });
    await t.put({ id: 'o-1', total: 2 });
    await t.put({ id: 'o-1', total: 3 });
    await t.put({ id: 'o-2', total: 9 });
    expect(await t.get('o-1')).toEqual({ id: 'o-1', total: 3 });
    expect(await d.table('summaries').get('o-1')).toEqual({ id: 'o-1', total: 1 });
    await batch.flush();
    expect(await d.table('summaries').toArray()).toEqual([
      { id: 'o-1', total: 3 },
      { id: 'o-2', total: 9 },
    ]);
  });

  it('tells rows with compound keys apart', async () => {
    const d = db();
    const batch = batchTables(d);
    const t = batch.table('history');
    await t.put({ account: 'a', position: 1, amount: 5 });
    await t.put({ account: 'a', position: 2, amount: 7 });
    await t.put({ account: 'b', position: 1, amount: 1 });
    expect(await t.get(['a', 2])).toEqual({ account: 'a', position: 2, amount: 7 });
    await batch.flush();
    expect(await d.table('history').count()).toBe(3);
  });
});
