// The search read model the query service keeps from the listings' change
// events, and how one batch of events is applied: in one transaction, each
// event guarded by its source sequence, so a duplicate or a late, older change
// is skipped instead of undoing a newer one. A delete leaves a tombstone with
// its sequence, so a republished create cannot bring the listing back. The
// same transaction appends each event to the listing's stream in the history
// event store (listingHistory.ts). Owns the search database; knows nothing of
// the broker.

import { Dexie, type Table } from 'dexie';
import { withoutLiveQueries, type DexieDeps } from '../../broker/brokerDb';
import { commitCapture } from '../../service/commitCapture';
import type { Change } from '../../telemetry';
import type { ListingRow, SearchDocRow } from '../cdcTypes';
import type { ChangeEvent } from '../changeEvent';
import { searchWords, toSearchDoc } from './listingData';
import { appendToHistory, HISTORY_SCHEMA, historyTable } from './listingHistory';

/** A deleted listing: the sequence of its delete, which only a newer change may get past. */
export interface TombstoneRow {
  id: string;
  sourceSeq: number;
}

export interface ApplyCounts {
  applied: number;
  duplicates: number;
  stale: number;
}

type CountsRow = ApplyCounts & { key: 'counts' };

/** `mpp-<runId>-search`: not `-query`, which an event-sourced run's query service uses. */
export function searchDbName(runId: string): string {
  return `mpp-${runId}-search`;
}

export function openSearchDb(runId: string, dexie: DexieDeps, onCommit?: (changes: Change[]) => void): Dexie {
  const db = new Dexie(searchDbName(runId), withoutLiveQueries(dexie));
  const v1 = { docs: 'id, *words, city', tombstones: 'id', meta: 'key' };
  db.version(1).stores(v1);
  // Version 2 adds the listings' history: a run's database opened by an older page upgrades in place.
  db.version(2).stores({ ...v1, ...HISTORY_SCHEMA });
  if (onCommit) db.use(commitCapture(onCommit));
  return db;
}

const docs = (db: Dexie) => db.table<SearchDocRow, string>('docs');
const tombstones = (db: Dexie) => db.table<TombstoneRow, string>('tombstones');
const meta = (db: Dexie) => db.table<CountsRow, string>('meta');

/**
 * Applies a batch of change events to the read model and appends them to the history in one transaction; returns
 * this batch's counts. `dedupHistory` (default on): the history skips a change its stream has already reached.
 */
export async function applyChanges(
  db: Dexie,
  events: readonly ChangeEvent<ListingRow>[],
  { dedupHistory = true }: { dedupHistory?: boolean } = {},
): Promise<ApplyCounts> {
  return db.transaction('rw', [docs(db), tombstones(db), meta(db), historyTable(db)], async () => {
    await appendToHistory(db, events, { dedup: dedupHistory });
    const counts: ApplyCounts = { applied: 0, duplicates: 0, stale: 0 };
    for (const event of events) {
      const id = (event.after ?? event.before)!.id;
      const seq = event.source.sequence;
      const known = await knownSeq(db, id);
      if (known !== null && seq <= known) {
        // The same sequence is the same change again; a lower one is older than what the model shows.
        counts[seq === known ? 'duplicates' : 'stale']++;
        continue;
      }
      if (event.op === 'd') {
        await docs(db).delete(id);
        await tombstones(db).put({ id, sourceSeq: seq });
      } else {
        await docs(db).put(toSearchDoc(event.after!, seq));
        await tombstones(db).delete(id);
      }
      counts.applied++;
    }
    const total = await readCounts(db);
    await meta(db).put({
      key: 'counts',
      applied: total.applied + counts.applied,
      duplicates: total.duplicates + counts.duplicates,
      stale: total.stale + counts.stale,
    });
    return counts;
  });
}

/** The newest change the model reflects for `id`: its document's or its tombstone's, null if it never heard of it. */
async function knownSeq(db: Dexie, id: string): Promise<number | null> {
  const doc = await docs(db).get(id);
  if (doc) return doc.sourceSeq;
  return (await tombstones(db).get(id))?.sourceSeq ?? null;
}

export async function readCounts(db: Dexie): Promise<ApplyCounts> {
  const row = await meta(db).get('counts');
  return { applied: row?.applied ?? 0, duplicates: row?.duplicates ?? 0, stale: row?.stale ?? 0 };
}

export function readDocs(db: Dexie): Promise<SearchDocRow[]> {
  return docs(db).toArray();
}

export function readTombstones(db: Dexie): Promise<TombstoneRow[]> {
  return tombstones(db).toArray();
}

/** Ids of the documents that have every word of `text` (and are in `city`, when given), sorted. */
export async function searchDocs(db: Dexie, text: string, city?: string): Promise<string[]> {
  const words = searchWords({ title: text, city: '', amenities: [] });
  const wanted = city?.trim().toLowerCase();
  const table: Table<SearchDocRow, string> = docs(db);
  const candidates = words.length
    ? await table.where('words').equals(words[0]).toArray()
    : await table.toArray();
  return candidates
    .filter(
      (doc) => words.every((w) => doc.words.includes(w)) && (!wanted || doc.city.toLowerCase() === wanted),
    )
    .map((doc) => doc.id)
    .sort();
}
