// Which rows of a business table matter more than its newest ones: a row an
// anomaly names, and a duplicate side effect (a second charge, reservation or
// shipment of one order, as the checker counts them). Pure; the canvas pins
// these rows above the newest and marks them, so no table hides what its run is about.

import type { Anomaly } from '../../core/invariantCatalogue';
import type { Row } from '../../core/rows';

export type RowMark = 'named' | 'duplicate';

/** The side-effect tables and the rows of each the checker counts (a refunded charge still counts). */
const SIDE_EFFECTS: Record<string, (row: Row) => boolean> = {
  payments: () => true,
  reservations: (r) => r.status === 'RESERVED',
  shipments: (r) => r.status === 'SCHEDULED',
};

/** Every word of the anomalies' messages that could be a row id (`res-bfdb3523d2a89993`, `o-…`). */
export function namedIds(anomalies: readonly Pick<Anomaly, 'message'>[]): Set<string> {
  const ids = new Set<string>();
  for (const a of anomalies) for (const word of a.message.match(/[A-Za-z]+-[\w-]+/g) ?? []) ids.add(word);
  return ids;
}

const created = (r: Row) => (typeof r.created_at === 'number' ? r.created_at : 0);

/** By row id: `duplicate` for the second and later side effects of one order, `named` for a row an anomaly names. */
export function rowMarks(
  tableName: string,
  rows: Iterable<Row>,
  named: ReadonlySet<string>,
): Map<string, RowMark> {
  const marks = new Map<string, RowMark>();
  const counted = SIDE_EFFECTS[tableName];
  const byOrder = new Map<string, Row[]>();
  for (const row of rows) {
    if (named.has(String(row.id))) marks.set(String(row.id), 'named');
    if (counted?.(row) && typeof row.orderId === 'string')
      byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row]);
  }
  for (const group of byOrder.values()) {
    if (group.length < 2) continue;
    const [first, ...later] = group.sort((a, b) => created(a) - created(b));
    if (!marks.has(String(first.id))) marks.set(String(first.id), 'named');
    for (const row of later) marks.set(String(row.id), 'duplicate');
  }
  return marks;
}

/**
 * The rows a table of `slots` rows shows: the marked ones first (one order's rows together, oldest first),
 * then the newest of the rest. `newest` is the table's rows newest first.
 */
export function rowsToShow(
  all: readonly Row[],
  newest: readonly Row[],
  marks: ReadonlyMap<string, RowMark>,
  slots: number,
): Row[] {
  if (!marks.size) return newest.slice(0, slots);
  const marked = all
    .filter((r) => marks.has(String(r.id)))
    .sort(
      (a, b) => String(a.orderId ?? '').localeCompare(String(b.orderId ?? '')) || created(a) - created(b),
    );
  const rest = newest.filter((r) => !marks.has(String(r.id)));
  return [...marked, ...rest].slice(0, slots);
}
