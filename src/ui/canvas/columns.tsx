// How each business table is shown: a few columns chosen to tell the saga's
// story at a glance (who, how much, which state), in projector-sized text.

import type { ReactNode } from 'react';
import type { Row } from '../../core/rows';
import { money, shortId, shortKey } from '../format';
import { currentStepLabel } from '../sagas/sagaFormat';

export interface Column {
  header: string;
  cell(row: Row): ReactNode;
  /** 'num' right-aligns; 'key' allows the cell to shrink with an ellipsis; 'wrap' breaks a long value over lines. */
  kind?: 'num' | 'key' | 'wrap';
  /** Share of the table's width, e.g. '25%'; tables are laid out fixed so rows never reflow. */
  width?: string;
}

/** A status word in its colour: PENDING amber, COMPLETED/CHARGED green, CANCELLED/REFUNDED red. */
export function StatusPill({ status }: { status: unknown }) {
  const s = String(status ?? '?');
  return <span className={`pill pill-${s.toLowerCase()}`}>{s}</span>;
}

/** A short id, with the full one as a tooltip. */
const id =
  (field: string): Column['cell'] =>
  (row) => <span title={String(row[field] ?? '')}>{shortId(row[field])}</span>;

export const COLUMNS: Record<string, Column[]> = {
  orders: [
    { header: 'order', cell: id('id'), kind: 'key', width: '20%' },
    { header: 'customer', cell: (r) => String(r.customerId ?? ''), kind: 'key', width: '28%' },
    { header: 'total', cell: (r) => money(r.total), kind: 'num', width: '14%' },
    { header: 'status', cell: (r) => <StatusPill status={r.status} />, width: '38%' },
  ],
  // The key names the order (payment-<orderId>), so it doubles as the order column.
  payments: [
    {
      header: 'idempotency key',
      cell: (r) => <span title={String(r.idempotencyKey ?? '')}>{shortKey(r.idempotencyKey)}</span>,
      kind: 'key',
      width: '46%',
    },
    // 'sum', not 'amount': the short word leaves the key and the status their room at projector size.
    { header: 'sum', cell: (r) => money(r.amount), kind: 'num', width: '15%' },
    { header: 'status', cell: (r) => <StatusPill status={r.status} />, width: '39%' },
  ],
  reservations: [
    { header: 'order', cell: id('orderId'), kind: 'key', width: '33%' },
    {
      header: 'items',
      cell: (r) =>
        (Array.isArray(r.items) ? (r.items as { sku: string; qty: number }[]) : [])
          .map((i) => `${i.qty}× ${i.sku.replace(/^SKU-/, '')}`)
          .join(', '),
      kind: 'key',
      width: '31%',
    },
    { header: 'status', cell: (r) => <StatusPill status={r.status} />, width: '36%' },
  ],
  sagas: [
    { header: 'order', cell: id('orderId'), kind: 'key', width: '17%' },
    { header: 'status', cell: (r) => <StatusPill status={r.status} />, width: '23%' },
    {
      header: 'current step',
      cell: (r) => {
        const label = currentStepLabel(String(r.status), (r.step as string | null) ?? null);
        return <span className={label ? undefined : 'muted'}>{label ?? '—'}</span>;
      },
      kind: 'key',
      width: '28%',
    },
    { header: 'machine state', cell: (r) => String(r.state ?? ''), kind: 'key', width: '32%' },
  ],
  shipments: [
    { header: 'shipment', cell: id('id'), kind: 'key', width: '38%' },
    { header: 'order', cell: id('orderId'), kind: 'key', width: '25%' },
    { header: 'status', cell: (r) => <StatusPill status={r.status} />, width: '37%' },
  ],
};

/**
 * Payments in a run whose service checks no idempotency key: the key would be a lie of a column title, so the
 * column names the order it was charged for.
 */
const PAYMENTS_WITHOUT_KEY: Column[] = [
  { header: 'order', cell: id('orderId'), kind: 'key', width: '46%' },
  ...COLUMNS.payments.slice(1),
];

/**
 * The presenter's compact nodes (projector type in a 304 px column): each table keeps the order, the status and at
 * most one figure, so no cell is cut. The rest is in the full table ("+N more") and the inspector. Payments name
 * the order rather than the key, whose long `payment-<order>` has no room; the caption says when there is no key.
 */
const COMPACT_COLUMNS: Record<string, Column[]> = {
  orders: [
    { ...COLUMNS.orders[0], width: '34%' },
    { ...COLUMNS.orders[2], width: '22%' },
    { ...COLUMNS.orders[3], width: '44%' },
  ],
  payments: [
    // Room for "dup o-c19b" (a second charge is the row this table is watched for) and for REFUNDED.
    { header: 'order', cell: id('orderId'), kind: 'key', width: '38%' },
    { ...COLUMNS.payments[1], width: '20%' },
    { ...COLUMNS.payments[2], width: '42%' },
  ],
  reservations: [
    { ...COLUMNS.reservations[0], width: '44%' },
    { ...COLUMNS.reservations[2], width: '56%' },
  ],
  shipments: [
    { ...COLUMNS.shipments[1], width: '44%' },
    { ...COLUMNS.shipments[2], width: '56%' },
  ],
  // The orchestrator's row is wide: every column stays, with room for COMPENSATING at projector type.
  sagas: [
    { ...COLUMNS.sagas[0], width: '15%' },
    { ...COLUMNS.sagas[1], width: '31%' },
    { ...COLUMNS.sagas[2], width: '26%' },
    { ...COLUMNS.sagas[3], width: '28%' },
  ],
};

/** Any table without a definition shows its first three fields. */
export function columnsFor(
  table: string,
  sample: Row | undefined,
  { idempotencyKeys = true, compact = false }: { idempotencyKeys?: boolean; compact?: boolean } = {},
): Column[] {
  if (compact && COMPACT_COLUMNS[table]) return COMPACT_COLUMNS[table];
  if (table === 'payments' && !idempotencyKeys) return PAYMENTS_WITHOUT_KEY;
  if (COLUMNS[table]) return COLUMNS[table];
  return Object.keys(sample ?? {})
    .slice(0, 3)
    .map((field) => ({ header: field, cell: (r: Row) => String(r[field] ?? ''), kind: 'key' as const }));
}
