import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dbFixture } from '../../test/dbFixture';
import type { OutboxRow } from '../rows';
import { outboxRow } from '../../test/outboxRows';
import type { Change } from '../telemetry';
import { withoutLiveQueries } from '../broker/brokerDb';
import { commitCapture } from './commitCapture';
import { OutboxLedger, unpublishedAfter } from './outboxRetention';
import { OUTBOX_WATERMARK_KEY } from './outboxWatermark';
import { dumpTables, openServiceDb } from './serviceDb';

const { newRun, track, count, counted } = dbFixture('retention');

/** A service database as the host opens it; `commits` collects what the commit capture reports. */
function openOutbox(runId = newRun(), commits: Change[][] = [], ledger?: () => OutboxLedger): Dexie {
  const db = openServiceDb(runId, 'order', {}, withoutLiveQueries({ indexedDB, IDBKeyRange }));
  db.use(
    commitCapture(
      (changes) => commits.push(changes),
      (change) => ledger?.().describe(change) ?? null,
    ),
  );
  track(db);
  return db;
}

const row = (id: string): OutboxRow => outboxRow(id);

async function add(db: Dexie, ids: string[]): Promise<OutboxRow[]> {
  await db.table('outbox').bulkAdd(ids.map(row));
  return (await db.table<OutboxRow>('outbox').toArray()).filter((r) => ids.includes(r.id));
}

const ids = async (db: Dexie) => (await db.table<OutboxRow>('outbox').toArray()).map((r) => r.id);

/** Requests the outbox and meta stores were sent since `counting` began, by method (`outbox.delete`, …). */
function requests(): Record<string, number> {
  return Object.fromEntries(
    [...counted().counts.methods].map(([key, n]) => [key.split('.').slice(1).join('.'), n] as const),
  );
}

describe('outbox retention', () => {
  it('deletes, in the watermark’s transaction, published rows older than the retention: one range delete', async () => {
    const db = openOutbox();
    const ledger = new OutboxLedger(db);
    await ledger.record(await add(db, ['a', 'b']), 1_000, 5_000);
    await ledger.record(await add(db, ['c']), 4_000, 5_000);
    expect(await ids(db)).toEqual(['a', 'b', 'c']);
    const batch = await add(db, ['d']);
    await add(db, ['pending']);
    // At 6,500 the rows published at 1,000 are 5,500 ms old: due. The one published at 4,000 is not.
    count();
    expect(await ledger.record(batch, 6_500, 5_000)).toBe(2);
    expect(requests()).toEqual({ 'meta.put': 1, 'outbox.delete': 1 });
    expect(await ids(db)).toEqual(['c', 'd', 'pending']);
  });

  it('never deletes a row still waiting for the relay, however old', async () => {
    const db = openOutbox();
    const ledger = new OutboxLedger(db);
    const [a, b] = await add(db, ['a', 'b', 'waiting']); // all three written at time 0
    await ledger.record([a], 0, 10);
    // Long past the retention: a goes; b, just published, and the row still waiting stay.
    expect(await ledger.record([b], 1_000_000, 10)).toBe(1);
    const dump = await dumpTables(db);
    expect((dump.outbox as unknown as OutboxRow[]).map((r) => [r.id, r.published_at])).toEqual([
      ['b', 1_000_000],
      ['waiting', null],
    ]);
  });

  it('tells the canvas which rows went published and which a range delete took', async () => {
    const commits: Change[][] = [];
    // The capture asks the ledger only once it writes, after this line has made it.
    const db = openOutbox(newRun(), commits, () => ledger);
    const ledger = new OutboxLedger(db);
    const first = await add(db, ['a', 'b']);
    await ledger.record(first, 1_000, 5_000);
    const second = await add(db, ['c']);
    commits.length = 0;
    await ledger.record(second, 7_000, 5_000);
    expect(commits).toEqual([
      [
        { table: 'outbox', op: 'put', key: second[0].seq, row: { ...second[0], published_at: 7_000 } },
        {
          table: 'meta',
          op: 'put',
          key: OUTBOX_WATERMARK_KEY,
          row: { key: OUTBOX_WATERMARK_KEY, value: { seq: second[0].seq, at: 7_000 } },
        },
        { table: 'outbox', op: 'delete', key: first[0].seq },
        { table: 'outbox', op: 'delete', key: first[1].seq },
      ],
    ]);
  });

  it('without a retention keeps every published row', async () => {
    const db = openOutbox();
    const ledger = new OutboxLedger(db);
    await ledger.record(await add(db, ['a']), 0, undefined);
    await ledger.record(await add(db, ['b']), 1e9, undefined);
    expect(await db.table('outbox').count()).toBe(2);
  });

  it('after a restart reads the watermark once, and prunes what the earlier process published too', async () => {
    const runId = newRun();
    const before = openOutbox(runId);
    await new OutboxLedger(before).record(await add(before, ['a', 'b']), 1_000, 5_000);
    before.close();
    const commits: Change[][] = [];
    const after = openOutbox(runId, commits, () => ledger);
    const ledger = new OutboxLedger(after);
    const batch = await add(after, ['c']);
    count();
    expect(await ledger.load()).toBe(2);
    expect(await ledger.load()).toBe(2);
    expect(requests()).toEqual({ 'meta.get': 1 });
    commits.length = 0;
    expect(await ledger.record(batch, 10_000, 5_000)).toBe(2);
    expect(await ids(after)).toEqual(['c']);
    // Which rows an earlier process left is not in memory: read once (their keys), for the canvas's sake.
    const deleted = commits[0].filter((c) => c.op === 'delete').map((c) => (c as { key: unknown }).key);
    expect(deleted).toEqual([1, 2]);
  });

  it('reads the next unpublished rows in seq order: everything above the watermark, in one request', async () => {
    const db = openOutbox();
    const first = await add(db, ['p1', 'p2', 'p3']);
    await new OutboxLedger(db).record(first, 1, undefined);
    await add(db, ['u1', 'u2', 'u3']);
    count();
    expect((await unpublishedAfter(db, first[2].seq!, 2)).map((r) => r.id)).toEqual(['u1', 'u2']);
    expect(requests()).toEqual({ 'outbox.getAll': 1 });
  });
});
