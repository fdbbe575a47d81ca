// The polling relay's side of the outbox table: finding the rows it has not
// published yet, and marking rows published — and, in that same transaction,
// deleting published rows older than the retention setting, so a long run's
// outbox holds its recent traffic rather than all of it. A row is deleted only
// once the broker acknowledged it and the relay marked it: pending rows are
// never touched. Core: the Dexie database is handed in.

import type { Dexie, Table } from 'dexie';
import type { OutboxRow } from '../rows';

const OUTBOX = 'outbox';

/** Published rows not yet deleted, oldest first, as [seq, published_at]; read from the table once per process. */
interface Published {
  rows: [number, number][];
  loaded: boolean;
}

const publishedOf = new WeakMap<Dexie, Published>();

/**
 * Up to `limit` unpublished rows after `watermark`, in seq order. Reads pages with one request each
 * (rather than a cursor step per row); after a restart it skips the published rows it meets.
 */
export async function unpublishedAfter(db: Dexie, watermark: number, limit: number): Promise<OutboxRow[]> {
  const table = db.table<OutboxRow, number>(OUTBOX);
  const rows: OutboxRow[] = [];
  let after = watermark;
  for (;;) {
    const wanted = limit - rows.length;
    const page = await table.where('seq').above(after).limit(wanted).toArray();
    for (const row of page) if (row.published_at === null) rows.push(row);
    if (rows.length >= limit || page.length < wanted) return rows;
    after = page[page.length - 1].seq!;
  }
}

/**
 * Marks `rows` published at `at` and deletes, in the same transaction, published rows older than
 * `retentionMs` (none when it is undefined: kept for ever). Returns how many rows it deleted.
 */
export async function markPublished(
  db: Dexie,
  rows: OutboxRow[],
  at: number,
  retentionMs: number | undefined,
): Promise<number> {
  const table = db.table<OutboxRow, number>(OUTBOX);
  // The rows never change after their insert but for published_at: writing them back whole is one request each.
  const mark = () => table.bulkPut(rows.map((row) => ({ ...row, published_at: at })));
  if (retentionMs === undefined) {
    // Kept for ever: no bookkeeping (it would grow with every row); if retention is set later, it is read afresh.
    publishedOf.delete(db);
    await mark();
    return 0;
  }
  const published = await known(db, table, rows);
  let pruned: number[] = [];
  await db.transaction('rw', table, async () => {
    await mark();
    const cutoff = at - retentionMs;
    let n = 0;
    while (n < published.rows.length && published.rows[n][1] <= cutoff) n++;
    pruned = published.rows.slice(0, n).map(([seq]) => seq);
    if (pruned.length) await table.bulkDelete(pruned);
  });
  // Only once committed: a transaction that failed leaves the bookkeeping as the table is.
  published.rows.splice(0, pruned.length);
  for (const row of rows) published.rows.push([row.seq!, at]);
  return pruned.length;
}

/** The published rows this process knows of; the first call reads the ones an earlier life left. */
async function known(db: Dexie, table: Table<OutboxRow, number>, marking: OutboxRow[]): Promise<Published> {
  let published = publishedOf.get(db);
  if (!published) publishedOf.set(db, (published = { rows: [], loaded: false }));
  if (!published.loaded) {
    const before = Math.min(...marking.map((r) => r.seq!));
    const earlier = await table.where('seq').below(before).toArray();
    published.rows = earlier
      .filter((r) => r.published_at !== null)
      .map((r): [number, number] => [r.seq!, r.published_at!]);
    published.rows.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    published.loaded = true;
  }
  return published;
}
