// Where the connector stands, as its node shows it. The connector reports its
// position and the head it saw; the page's own read of the change log may be
// further on (always, while the connector is down), so the head and lag shown
// are the furthest either saw. Pure.

import type { ConnectorState } from '../../runtime/cdcController';
import type { SnapshotProgress } from './cdcState';

export interface SourceView {
  service: string;
  position: number;
  /** Set when a batch up to here was handed to the broker and its position not yet stored: a restart republishes it. */
  inFlight: number | null;
  head: number;
  lag: number;
}

export interface ConnectorView {
  known: boolean;
  sources: SourceView[];
  published: number;
  duplicates: number;
  snapshot: SnapshotProgress | null;
  warnings: number;
}

/** `logHeads`: the newest sequence the page read from each source's log. */
export function connectorView(
  state: ConnectorState | null,
  logHeads: Record<string, number>,
  snapshot: SnapshotProgress | null,
): ConnectorView {
  const sources = (state?.sources ?? []).map((s): SourceView => {
    const head = Math.max(s.head, logHeads[s.service] ?? 0);
    const inFlight =
      s.position.inFlight !== undefined && s.position.inFlight > s.position.seq ? s.position.inFlight : null;
    return {
      service: s.service,
      position: s.position.seq,
      inFlight,
      head,
      lag: Math.max(0, head - s.position.seq),
    };
  });
  // A snapshot report beats the totals while one runs; afterwards the totals say how many rows it read.
  const fromTotals = state && state.snapshotRows > 0 ? { rows: state.snapshotRows, done: true } : null;
  return {
    known: state !== null,
    sources,
    published: state?.published ?? 0,
    duplicates: state?.duplicates ?? 0,
    snapshot: snapshot && !snapshot.done ? snapshot : (fromTotals ?? snapshot),
    warnings: state?.warnings ?? 0,
  };
}
