import { describe, expect, it } from 'vitest';
import { Dexie, type DBCore, type Middleware } from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { dbFixture } from '../../test/dbFixture';
import { beneath } from '../../test/beneath';
import { writeBehind, writeBehindFailure } from './writeBehind';

const fixture = dbFixture('write-behind');

interface Thing {
  id: string;
  n: number;
}

/** Beneath the write-behind: logs when the engine answers each write, and can turn an answer into a failure. */
function engineAnswers(log: string[], fail: { next: boolean }): Middleware<DBCore> {
  return beneath('engine-answers', (table, name) => ({
    mutate(req) {
      const failed = fail.next;
      fail.next = false;
      return table.mutate(req).then((res) => {
        log.push(`engine answered ${req.type} ${name}`);
        return failed ? { ...res, numFailures: 1, failures: { 0: new Error(`${name} refused`) } } : res;
      });
    },
  }));
}

/** `log` null: the write-behind right above the engine, as a service opens it. */
async function opened(log: string[] | null, fail = { next: false }) {
  const db = fixture.track(new Dexie(fixture.newRun(), { indexedDB, IDBKeyRange }));
  db.version(1).stores({ things: 'id, n', outbox: '++seq', keyed: 'id, &code' });
  if (log) db.use(engineAnswers(log, fail));
  db.use(writeBehind());
  await db.open();
  return { db, things: db.table<Thing, string>('things') };
}

describe('writeBehind', () => {
  it('answers a plain put or delete at once; a read after it in the transaction sees it, and it commits', async () => {
    const log: string[] = [];
    const { db, things } = await opened(log);
    await db.transaction('rw', things, async () => {
      await things.put({ id: 'a', n: 1 });
      log.push('put answered');
      await things.put({ id: 'b', n: 2 });
      await things.delete('b');
      log.push('delete answered');
      const seen = await things.toArray();
      log.push(`read ${seen.map((t) => t.id).join(',')}`);
    });
    expect(log.indexOf('put answered')).toBeLessThan(log.indexOf('engine answered put things'));
    expect(log).toContain('delete answered');
    expect(log.at(-1)).toBe('read a');
    expect(await things.toArray()).toEqual([{ id: 'a', n: 1 }]);
  });

  it('waits as before for an add, an auto-incremented key and a table with a unique index', async () => {
    const log: string[] = [];
    const { db } = await opened(log);
    await db.transaction('rw', ['things', 'outbox', 'keyed'], async () => {
      await db.table('things').add({ id: 'a', n: 1 });
      log.push('add answered');
      await db.table('outbox').put({ type: 'X' });
      log.push('auto-increment put answered');
      await db.table('keyed').put({ id: 'k', code: 'c' });
      log.push('unique-index put answered');
    });
    expect(log).toEqual([
      'engine answered add things',
      'add answered',
      'engine answered put outbox',
      'auto-increment put answered',
      'engine answered put keyed',
      'unique-index put answered',
    ]);
  });

  it('aborts the transaction when a write it answered at once fails after all, and names the failure', async () => {
    const log: string[] = [];
    const fail = { next: false };
    const { db, things } = await opened(log, fail);
    await things.put({ id: 'kept', n: 0 });
    let trans: object | undefined;
    const done = db.transaction('rw', things, async (tx) => {
      trans = tx.idbtrans;
      fail.next = true;
      await things.put({ id: 'lost', n: 1 });
      log.push('put answered');
      await things.put({ id: 'lost-too', n: 2 });
    });
    const error = await done.then(
      () => null,
      (e: unknown) => e,
    );
    expect(log).toContain('put answered');
    expect(error).toBeInstanceOf(Error);
    expect(String(writeBehindFailure(trans!))).toContain('things refused');
    expect(await things.toArray()).toEqual([{ id: 'kept', n: 0 }]);
  });

  it('fails a write IndexedDB refuses to make as it always did', async () => {
    const { db, things } = await opened(null);
    const error = await db
      .transaction('rw', things, async () => {
        await things.put({ id: 'f', n: 1, fn: () => 1 } as Thing);
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect((error as Error).name).toBe('DataCloneError');
    expect(await things.count()).toBe(0);
  });
});
