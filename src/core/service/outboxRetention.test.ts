import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxRow } from '../rows';
import { markPublished, unpublishedAfter } from './outboxRetention';

let opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened) db.close();
  opened = [];
});

let names = 0;
function openOutbox(name = `retention-${++names}-${Date.now()}`): Dexie {
  const db = new Dexie(name, { indexedDB, IDBKeyRange });
  db.version(1).stores({ outbox: '++seq, &id' });
  opened.push(db);
  return db;
}

const row = (id: string): OutboxRow => ({
  id,
  aggregatetype: 'Order',
  aggregateid: id,
  type: 'OrderCreated',
  payload: {},
  correlationid: id,
  causationid: id,
  created_at: 0,
  published_at: null,
});

async function add(db: Dexie, ids: string[]): Promise<OutboxRow[]> {
  await db.table('outbox').bulkAdd(ids.map(row));
  return (await db.table<OutboxRow>('outbox').toArray()).filter((r) => ids.includes(r.id));
}

describe('outbox retention', () => {
  it('marks rows published and deletes, in the same transaction, published rows older than the retention', async () => {
    const db = openOutbox();
    await markPublished(db, await add(db, ['a', 'b']), 1_000, 5_000);
    await markPublished(db, await add(db, ['c']), 4_000, 5_000);
    expect((await db.table<OutboxRow>('outbox').toArray()).map((r) => [r.id, r.published_at])).toEqual([
      ['a', 1_000],
      ['b', 1_000],
      ['c', 4_000],
    ]);
    // At 6,500 the rows published at 1,000 are 5,500 ms old: due. The one published at 4,000 is not.
    const pruned = await markPublished(db, await add(db, ['d']), 6_500, 5_000);
    expect(pruned).toBe(2);
    expect((await db.table<OutboxRow>('outbox').toArray()).map((r) => r.id)).toEqual(['c', 'd']);
  });

  it('never deletes a row still waiting for the relay, however old', async () => {
    const db = openOutbox();
    const [a] = await add(db, ['a']);
    await add(db, ['waiting']);
    await markPublished(db, [a], 0, 10);
    await markPublished(db, await add(db, ['b']), 1_000_000, 10);
    const left = await db.table<OutboxRow>('outbox').toArray();
    expect(left.map((r) => [r.id, r.published_at])).toEqual([
      ['waiting', null],
      ['b', 1_000_000],
    ]);
  });

  it('without a retention keeps every published row', async () => {
    const db = openOutbox();
    await markPublished(db, await add(db, ['a']), 0, undefined);
    await markPublished(db, await add(db, ['b']), 1e9, undefined);
    expect(await db.table('outbox').count()).toBe(2);
  });

  it('after a restart finds the published rows an earlier process left, and prunes them too', async () => {
    const name = `retention-restart-${Date.now()}`;
    const before = openOutbox(name);
    await markPublished(before, await add(before, ['a', 'b']), 1_000, 5_000);
    before.close();
    const after = openOutbox(name);
    await markPublished(after, await add(after, ['c']), 10_000, 5_000);
    expect((await after.table<OutboxRow>('outbox').toArray()).map((r) => r.id)).toEqual(['c']);
  });

  it('reads the next unpublished rows in seq order, skipping published ones', async () => {
    const db = openOutbox();
    const first = await add(db, ['p1', 'p2', 'p3']);
    await markPublished(db, first, 1, undefined);
    await add(db, ['u1', 'u2', 'u3']);
    expect((await unpublishedAfter(db, 0, 2)).map((r) => r.id)).toEqual(['u1', 'u2']);
    expect((await unpublishedAfter(db, first[2].seq!, 10)).map((r) => r.id)).toEqual(['u1', 'u2', 'u3']);
  });
});
