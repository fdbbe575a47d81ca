// CDC + event sourcing: the query service keeps, beside its search documents,
// an event store of the legacy table's history — one stream per listing, each
// captured change appended as the stream's next version — and the replay that
// folds a stream back to its row. Appending checks the change's log sequence
// against the stream's head (the change's sequence is its message id), so a
// change the connector publishes again after a crash is not appended twice;
// with the check off (a scenario's `inbox: false`), it is. Tables and pure
// folds only: the caller owns the transaction; no broker here.

import { Dexie, type Table } from 'dexie';
import type { ListingRow } from '../cdcTypes';
import type { ChangeEvent, ChangeOp } from '../changeEvent';

/** One captured change as an event of its listing's stream. */
export interface ListingEventRow {
  /** `listing-<id>`: every change of one row, in the order they were appended. */
  stream: string;
  /** 1 for a stream's first event; each append is at the head's version + 1. */
  version: number;
  op: ChangeOp;
  /** The change-log sequence of the change this event records. */
  sourceSeq: number;
  /** The row after the change; null once it was deleted. */
  row: ListingRow | null;
}

/** Dexie schema of the history table: one key per stream version, so two appends at one version cannot both land. */
export const HISTORY_SCHEMA = { history: '[stream+version], stream' };

export const historyTable = (db: Dexie) => db.table<ListingEventRow, [string, number]>('history');

export const streamOf = (listingId: string) => `listing-${listingId}`;

export interface AppendCounts {
  appended: number;
  /** Changes not appended: their stream already holds this sequence or a newer one. */
  repeats: number;
}

/** The stream's newest event, or undefined for a stream never written. */
function head(table: Table<ListingEventRow, [string, number]>, stream: string) {
  return table.where('[stream+version]').between([stream, Dexie.minKey], [stream, Dexie.maxKey]).last();
}

/**
 * Appends each change to its listing's stream at the head's version + 1; call inside a transaction that holds
 * the history table. `dedup`: a change whose sequence the stream has already reached is skipped, not appended.
 */
export async function appendToHistory(
  db: Dexie,
  events: readonly ChangeEvent<ListingRow>[],
  { dedup }: { dedup: boolean },
): Promise<AppendCounts> {
  const table = historyTable(db);
  const counts: AppendCounts = { appended: 0, repeats: 0 };
  for (const event of events) {
    const stream = streamOf((event.after ?? event.before)!.id);
    const sourceSeq = event.source.sequence;
    const last = await head(table, stream);
    if (dedup && last && sourceSeq <= last.sourceSeq) {
      counts.repeats++;
      continue;
    }
    // add, not put: were another writer to have appended at this version since, the transaction fails.
    await table.add({ stream, version: (last?.version ?? 0) + 1, op: event.op, sourceSeq, row: event.after });
    counts.appended++;
  }
  return counts;
}

export function readHistory(db: Dexie): Promise<ListingEventRow[]> {
  return historyTable(db).toArray();
}

/** The row a stream's events fold to: each change's after, null after a delete. */
export function replayStream(events: readonly ListingEventRow[]): ListingRow | null {
  return events.reduce<ListingRow | null>((_, e) => (e.op === 'd' ? null : e.row), null);
}

/** Every stream's events, in version order. */
export function streamsOf(history: readonly ListingEventRow[]): Map<string, ListingEventRow[]> {
  const streams = new Map<string, ListingEventRow[]>();
  for (const e of [...history].sort((a, b) => a.version - b.version)) {
    const stream = streams.get(e.stream) ?? [];
    stream.push(e);
    streams.set(e.stream, stream);
  }
  return streams;
}
