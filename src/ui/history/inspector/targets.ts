// How each canvas names its rows to the inspector, as inspect(kind, id) finds
// them (core/history/shopInspect.ts, tablesInspect.ts): a shop row by its
// table and the id inspect gives it, a saga by its id, a CDC row by its
// table's key, an event by its store and global position. Pure.

import type { Row } from '../../../core/rows';
import { shopRowId } from '../../../core/history/shopInspect';
import type { InspectTarget } from '../historyViewStore';

/** A row of a shop service's table (the change log's rows are `change`s). */
export function shopRowTarget(service: string, table: string) {
  return (row: Row): InspectTarget => ({
    kind: table === 'changes' ? 'change' : table,
    service,
    id: shopRowId(service, table, row),
  });
}

export function sagaTarget(row: Row): InspectTarget {
  return { kind: 'saga', id: String(row.id) };
}

/** A CDC row: a listing or a change (by seq) of the legacy service, a search document of the query service. */
export function cdcRowTarget(table: 'listings' | 'changes' | 'docs') {
  return (row: Row): InspectTarget => ({
    kind: table === 'changes' ? 'change' : table,
    service: table === 'docs' ? 'query' : 'listings',
    id: String(table === 'changes' ? row.seq : row.id),
  });
}

/** An appended event, by its store and its global position (an event not yet given one is not inspectable). */
export function eventTarget(store: string, event: { position?: number }): InspectTarget | undefined {
  return event.position === undefined
    ? undefined
    : { kind: 'event', service: store, id: String(event.position) };
}
