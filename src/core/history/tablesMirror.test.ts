import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../telemetry';
import { keysOf } from './schemaKeys';
import { TablesMirror } from './tablesMirror';
import { seededRandom } from '../random';

const SCHEMAS = { things: 'id', log: '[topic+partition+offset]' };
const open: Dexie[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function database(): Dexie {
  const d = new Dexie(`tables-mirror-${Math.random()}`, { indexedDB, IDBKeyRange });
  d.version(1).stores(SCHEMAS);
  open.push(d);
  return d;
}

/** Keys of every type `id` may have, including ones whose text order is not IndexedDB's. */
const IDS: unknown[] = [
  -3,
  0,
  2.5,
  10,
  9,
  100,
  '',
  'B',
  'a',
  'a\u00e9',
  '\u{1F600}',
  '10',
  '9',
  [1],
  [1, 'x'],
  ['a'],
];

/** A random transaction over both tables: puts (new rows and overwrites), deletes and now and then a clear. */
function transaction(next: () => number, n: number): Change[] {
  const changes: Change[] = [];
  for (let i = 0; i < 4; i++) {
    const r = next();
    if (r < 0.5) {
      const id = IDS[Math.floor(next() * IDS.length)];
      changes.push({ table: 'things', op: 'put', key: id, row: { id, n, i } });
    } else if (r < 0.8) {
      const row = {
        topic: next() < 0.5 ? 'b.events' : 'a.events',
        partition: Math.floor(next() * 3),
        offset: n,
      };
      changes.push({ table: 'log', op: 'put', key: [row.topic, row.partition, row.offset], row });
    } else if (r < 0.97)
      changes.push({ table: 'things', op: 'delete', key: IDS[Math.floor(next() * IDS.length)] });
    else changes.push({ table: next() < 0.5 ? 'things' : 'log', op: 'clear' });
  }
  return changes;
}

async function applyTo(db: Dexie, changes: Change[]) {
  await db.transaction('rw', db.tables, async () => {
    for (const c of changes) {
      if (c.op === 'put') await db.table(c.table).put(c.row);
      else if (c.op === 'delete') await db.table(c.table).delete(c.key as string);
      else await db.table(c.table).clear();
    }
  });
}

describe('TablesMirror', () => {
  it('gives every table in the order toArray() reads it, under puts, deletes and clears', async () => {
    const db = database();
    const mirror = new TablesMirror();
    const next = seededRandom(3);
    for (let n = 0; n < 300; n++) {
      const changes = transaction(next, n);
      await applyTo(db, changes);
      mirror.commit('db', changes);
      if (n % 20 === 0 || n === 299)
        for (const table of Object.keys(SCHEMAS))
          expect(mirror.rows('db', table), `${table} after ${n}`).toEqual(await db.table(table).toArray());
    }
  });

  it('rebuilds a full read in key order, and copies that stand alone', async () => {
    const db = database();
    const next = seededRandom(5);
    for (let n = 0; n < 50; n++) await applyTo(db, transaction(next, n));
    const read = { things: await db.table('things').toArray(), log: await db.table('log').toArray() };
    const mirror = new TablesMirror();
    // A full read in any order comes out in key order.
    mirror.hydrate('db', { things: [...read.things].reverse(), log: read.log }, keysOf(SCHEMAS));
    expect(mirror.dump('db')).toEqual(read);
    const copy = mirror.clone();
    copy.commit('db', [{ table: 'things', op: 'clear' }]);
    mirror.commit('db', [
      { table: 'log', op: 'put', key: ['z', 0, 0], row: { topic: 'z', partition: 0, offset: 0 } },
    ]);
    expect(mirror.rows('db', 'things')).toEqual(read.things);
    expect(copy.rows('db', 'log')).toEqual(read.log);
    expect(copy.rows('db', 'things')).toEqual([]);
    expect(mirror.size()).toBe(read.things.length + read.log.length + 1);
  });

  it('dumps lazily what dump() gives, reading a table only when asked for, and takes an assignment', () => {
    const mirror = new TablesMirror();
    const next = seededRandom(7);
    for (let n = 0; n < 40; n++) mirror.commit('db', transaction(next, n));
    const read: string[] = [];
    const lazy = mirror.lazyDump('db', (table) => (read.push(table), mirror.rows('db', table)));
    expect(Object.keys(lazy)).toEqual(Object.keys(mirror.dump('db')));
    expect(read).toEqual([]);
    expect(lazy.log).toEqual(mirror.rows('db', 'log'));
    expect(lazy.log).toBe(lazy.log);
    expect(read).toEqual(['log']);
    expect(lazy).toEqual(mirror.dump('db'));
    expect(JSON.parse(JSON.stringify(lazy))).toEqual(mirror.dump('db'));
    lazy.things = [];
    expect(lazy.things).toEqual([]);
    expect(read).toEqual(['log', 'things']);
  });
});
