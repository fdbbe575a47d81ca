import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { dbFixture } from '../../test/dbFixture';
import { beneath } from '../../test/beneath';
import { readAhead } from './readAhead';

const fixture = dbFixture('read-ahead');

interface Thing {
  id: string;
  n: number;
}

/** Beneath the read-ahead: logs every read the engine is asked for. */
const engineReads = (log: string[]) =>
  beneath('engine-reads', (table, name) => ({
    get(req) {
      log.push(`get ${name} ${String(req.key)}`);
      return table.get(req);
    },
    getMany(req) {
      log.push(`getMany ${name} ${req.keys.join(',')}`);
      return table.getMany(req);
    },
  }));

async function opened() {
  const log: string[] = [];
  const db = fixture.track(new Dexie(fixture.newRun(), { indexedDB, IDBKeyRange }));
  db.version(1).stores({ things: 'id, n', other: 'id' });
  db.use(engineReads(log));
  const ahead = readAhead();
  db.use(ahead.middleware);
  await db.open();
  const things = db.table<Thing, string>('things');
  await things.bulkPut([
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
    { id: 'c', n: 3 },
  ]);
  log.length = 0;
  return { db, things, log, fetch: ahead.fetch };
}

const keys = (...ids: string[]) => ids.map((key) => ({ table: 'things', key }));

describe('readAhead', () => {
  it("fetches a batch's rows in one go: the handlers' reads of them ask the engine for nothing more", async () => {
    const { db, things, log, fetch } = await opened();
    const seen = await db.transaction('rw', db.tables, async () => {
      fetch(keys('a', 'b', 'c', 'a'));
      return [await things.get('a'), await things.get('b'), await things.get('c')];
    });
    expect(seen.map((t) => t?.n)).toEqual([1, 2, 3]);
    expect(log).toEqual(['getMany things a,b,c']);
  });

  it('never hands out a row a write in the transaction changed: the read after the write sees it', async () => {
    const { db, things, log, fetch } = await opened();
    const seen = await db.transaction('rw', db.tables, async () => {
      fetch(keys('a', 'b'));
      await things.put({ id: 'a', n: 10 });
      await things.delete('b');
      return [await things.get('a'), await things.get('b')];
    });
    expect(seen).toEqual([{ id: 'a', n: 10 }, undefined]);
    expect(log).toEqual(['getMany things a,b', 'get things a', 'get things b']);
  });

  it('drops every fetched row of a table a write of unknown keys touched (a range delete, a modify)', async () => {
    const { db, things, fetch } = await opened();
    const seen = await db.transaction('rw', db.tables, async () => {
      fetch(keys('a', 'b', 'c'));
      await things.where('n').below(2).delete();
      await things.where('id').equals('b').modify({ n: 20 });
      return Promise.all(['a', 'b', 'c'].map((id) => things.get(id)));
    });
    expect(seen).toEqual([undefined, { id: 'b', n: 20 }, { id: 'c', n: 3 }]);
  });

  it('hands a fetched row out once: a second read is a fresh copy, whatever the first reader did to its own', async () => {
    const { db, things, log, fetch } = await opened();
    const second = await db.transaction('rw', db.tables, async () => {
      fetch(keys('a'));
      const first = (await things.get('a'))!;
      first.n = 99;
      return things.get('a');
    });
    expect(second).toEqual({ id: 'a', n: 1 });
    expect(log).toEqual(['getMany things a', 'get things a']);
  });

  it('answers a bulkGet from fetched rows and the engine together, in the order asked', async () => {
    const { db, things, log, fetch } = await opened();
    const seen = await db.transaction('rw', db.tables, async () => {
      fetch(keys('c'));
      return things.bulkGet(['a', 'c', 'zz', 'b']);
    });
    expect(seen.map((t) => t?.n)).toEqual([1, 3, undefined, 2]);
    expect(log).toEqual(['getMany things c', 'getMany things a,zz,b']);
  });

  it('skips what cannot be fetched (a table the database lacks, a made-up key) and the transaction commits', async () => {
    const { db, things, log, fetch } = await opened();
    await db.transaction('rw', db.tables, async () => {
      fetch([
        { table: 'nowhere', key: 'x' },
        { table: 'things', key: undefined as unknown as string },
      ]);
      await things.put({ id: 'd', n: 4 });
    });
    expect(await things.get('d')).toEqual({ id: 'd', n: 4 });
    expect(log).toEqual(['get things d']);
  });

  it('fetches nothing outside a transaction, and fetched rows do not outlive theirs', async () => {
    const { db, things, log, fetch } = await opened();
    fetch(keys('a'));
    await db.transaction('rw', db.tables, async () => fetch(keys('b')));
    await things.put({ id: 'b', n: 7 });
    expect(await things.get('b')).toEqual({ id: 'b', n: 7 });
    expect(log).toEqual(['getMany things b', 'get things b']);
  });
});
