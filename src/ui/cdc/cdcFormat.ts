// Text for the CDC view: an op's name and colour class, a value as a table
// cell shows it, and the short before → after diff of one change. Pure: no
// React, no store.

import type { ChangeEvent, ChangeOp } from '../../core/cdc/changeEvent';
import type { Row } from '../../core/rows';

export const OP_NAMES: Record<ChangeOp, string> = {
  c: 'create',
  u: 'update',
  d: 'delete',
  r: 'read (snapshot)',
};

/** Fields every write touches: a diff that listed them would bury the change that matters. */
const NOISE = new Set(['updated_at']);

/** A field's value, short: prices in dollars, lists comma-separated, text quoted when it has spaces. */
export function valueText(field: string, value: unknown): string {
  if (value === undefined || value === null) return '—';
  if (field === 'price' && typeof value === 'number') return `$${value}`;
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(none)';
  if (typeof value === 'string') return /\s/.test(value) ? `“${value}”` : value;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an update changed, in the row's own order, leaving out bookkeeping. */
export function changedFields(before: Row, after: Row): string[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.filter((f) => !NOISE.has(f) && !same(before[f], after[f]));
}

/** One row in a line: its title, city and price, as much as the row has. */
function rowText(row: { title?: unknown; city?: unknown; price?: unknown }): string {
  return [row.title, row.city, row.price]
    .filter((v) => v !== undefined)
    .map((v, i) => valueText(['title', 'city', 'price'][i], v))
    .join(' · ');
}

/** A listing or its search document as a guest reads it: `Sunny loft by the river · Lisbon · $120`. */
export function listingLine(row: { title: string; city: string; price: number }): string {
  return `${row.title} · ${row.city} · ${valueText('price', row.price)}`;
}

/**
 * What a change did, in one short line: `+ “Sunny loft” · Lisbon · $120` for a
 * create (or a snapshot read), `price $120 → $135` for an update, `− “Sunny loft”` for a delete.
 */
export function diffText(op: ChangeOp, before: Row | null, after: Row | null): string {
  if (op === 'd') return `− ${before ? rowText(before) : '(row gone)'}`;
  if (op === 'c' || op === 'r' || !before) return `+ ${after ? rowText(after) : '(no row)'}`;
  if (!after) return '(no row after)';
  const fields = changedFields(before, after);
  if (!fields.length) return 'no visible change';
  return fields.map((f) => `${f} ${valueText(f, before[f])} → ${valueText(f, after[f])}`).join('; ');
}

/** 10001 → "10,001". */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A change's Debezium envelope as the Envelope tab and the inspector print it: before, after, op, source, ts_ms. */
export function envelopeJson({ before, after, op, source, ts_ms }: ChangeEvent): string {
  return JSON.stringify({ before, after, op, source, ts_ms }, null, 2);
}
