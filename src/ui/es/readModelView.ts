// How the query panel shows a read model: its title, the columns worth a
// projector's width, the rows that fit (newest history first), and its lag and
// rebuild in words. Pure.

import type { ProjectionLag, ReadModelName } from '../../runtime/esController';
import { age, count } from './esFormat';
import type { RebuildState } from './esState';

export const READ_MODEL_TITLES: Record<ReadModelName, string> = {
  orderSummaries: 'Order summaries',
  balances: 'Balances',
  history: 'Transaction history',
};

const COLUMNS: Record<ReadModelName, string[]> = {
  orderSummaries: ['id', 'customerId', 'status', 'items', 'total', 'version'],
  balances: ['id', 'owner', 'balance', 'closed', 'version'],
  history: ['account', 'position', 'type', 'amount'],
};

export const COLUMN_LABELS: Record<string, string> = { customerId: 'customer', position: 'pos' };

/** The known columns the rows have, or (for a shape this code does not know) their plain fields. */
export function columnsOf(name: ReadModelName, rows: readonly Record<string, unknown>[]): string[] {
  const first = rows[0];
  if (!first) return COLUMNS[name];
  const known = COLUMNS[name].filter((c) => c in first);
  return known.length ? known : Object.keys(first).filter((k) => typeof first[k] !== 'object');
}

const natural = new Intl.Collator('en', { numeric: true });

/** At most `limit` rows: history newest first, the others in id order; and how many did not fit. */
export function visibleRows(
  name: ReadModelName,
  rows: readonly Record<string, unknown>[],
  limit: number,
): { rows: Record<string, unknown>[]; hidden: number } {
  const sorted =
    name === 'history'
      ? [...rows].sort((a, b) => Number(b.position) - Number(a.position))
      : [...rows].sort((a, b) => natural.compare(String(a.id), String(b.id)));
  return { rows: sorted.slice(0, limit), hidden: Math.max(0, rows.length - limit) };
}

/** "3 behind · oldest waiting 1.2 s" or "caught up". */
export function lagText(lag: ProjectionLag | undefined): {
  behind: string;
  oldest: string | null;
  late: boolean;
} {
  if (!lag) return { behind: 'lag unknown', oldest: null, late: false };
  if (lag.behind <= 0) return { behind: 'caught up', oldest: null, late: false };
  return {
    behind: `${count(lag.behind)} behind`,
    // A clock read a moment before the event was stamped would say -0.0 s: never less than nothing.
    oldest: `oldest waiting ${age(lag.oldestAgeMs === null ? null : Math.max(0, lag.oldestAgeMs))}`,
    late: true,
  };
}

export function rowsText(n: number): string {
  return `${count(n)} ${n === 1 ? 'row' : 'rows'}`;
}

export function rebuildText(r: RebuildState): string {
  return r.finished
    ? `rebuilt: ${count(r.total)} events replayed`
    : `rebuilding: ${count(r.done)} / ${count(r.total)} events`;
}
