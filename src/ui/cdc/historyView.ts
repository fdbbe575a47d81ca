// What the query node says of the listings' history (the event store beside
// its search documents): how many streams and events, and how many events
// repeat a change their stream already held — zero while the history's
// sequence check is on. Pure.

import type { ListingEventRow } from '../../runtime/cdcController';

export interface HistoryView {
  streams: number;
  events: number;
  /** Events recording a change (by log sequence) their stream already held. */
  repeats: number;
}

export function historyView(history: readonly ListingEventRow[] | null): HistoryView | null {
  if (!history) return null;
  const seen = new Set<string>();
  let repeats = 0;
  for (const e of history) {
    const key = `${e.stream}@${e.sourceSeq}`;
    if (seen.has(key)) repeats++;
    seen.add(key);
  }
  return { streams: new Set(history.map((e) => e.stream)).size, events: history.length, repeats };
}
