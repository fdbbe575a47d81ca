// A past moment of the event-sourced run in its snapshot()'s shape, from the
// folded tables: each store that was up audited as a read of its database
// would audit it (esAudit's auditOf over the recorded events, streams and
// snapshots), and the query service's read models as its tables held them.
// What was down is left out, as the conductor's snapshot leaves it out. Pure.

import { auditOf, type StoredStream } from '../eventsourcing/esAudit';
import type { EsSystemSnapshot } from '../eventsourcing/esInvariants';
import { ES_STORES } from '../eventsourcing/esStores';
import { ES_STORE_NAMES, type EsProcess, type EsStoreName } from '../eventsourcing/esTypes';
import type { SnapshotRow, StoredEvent, StreamRow } from '../eventsourcing/eventStore';
import type { TablesMirror } from './tablesMirror';

/** One store's streams as its tables hold them: events in position order are each stream's in version order. */
function storedStreams(dbs: TablesMirror, store: EsStoreName): StoredStream[] {
  const events = new Map<string, StoredEvent[]>();
  for (const e of dbs.rows(store, 'events') as unknown as StoredEvent[]) {
    const of = events.get(e.stream);
    if (of) of.push(e);
    else events.set(e.stream, [e]);
  }
  // Snapshots come in [stream+version] order: the last one of a stream is its newest.
  const newest = new Map<string, SnapshotRow>();
  for (const snap of dbs.rows(store, 'snapshots') as unknown as SnapshotRow[]) newest.set(snap.stream, snap);
  return (dbs.rows(store, 'streams') as unknown as StreamRow[]).map(({ id }) => ({
    id,
    events: events.get(id) ?? [],
    snapshot: newest.get(id),
  }));
}

export function esSnapshotOf(dbs: TablesMirror, down: ReadonlySet<EsProcess>): EsSystemSnapshot {
  const rows = (table: string) => dbs.rows('query', table) as Record<string, unknown>[];
  return {
    stores: ES_STORE_NAMES.filter((s) => !down.has(s)).map((s) =>
      auditOf(ES_STORES[s], storedStreams(dbs, s)),
    ),
    readModels: down.has('query')
      ? undefined
      : { orderSummaries: rows('orderSummaries'), balances: rows('balances') },
  };
}
