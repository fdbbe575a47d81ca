// Text for the event-sourced view: counts with thousands separators, durations,
// ages, one-line event summaries and read-model values. Pure: no React, no store.

import type { StoredEvent } from '../../core/eventsourcing/eventStore';
import { money, shortId } from '../format';

/** 10001 → "10,001": a long stream's size must read at a glance. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A load's wall-clock time: "0.42 ms", "2.1 ms", "180 ms", "1.4 s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

/** How long the oldest unapplied event has waited; null: the projection has caught up. */
export function age(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  return `${Math.round(ms / 60_000)} min`;
}

type Data = Record<string, unknown>;

const SUMMARIES: Record<string, (d: Data) => string> = {
  OrderCreated: (d) => `for ${String(d.customerId ?? '?')}`,
  ItemAdded: (d) => `${String(d.sku)} ×${String(d.qty)} @ ${money(d.price ?? Number(d.priceCents) / 100)}`,
  ItemRemoved: (d) => String(d.sku),
  OrderConfirmed: (d) => `total ${money(d.total)}`,
  AccountOpened: (d) => `owner ${String(d.owner)}`,
  MoneyDeposited: (d) => `+${money(d.amount)}${d.transferId ? ` (${String(d.transferId)})` : ''}`,
  MoneyWithdrawn: (d) => `−${money(d.amount)}`,
  TransferInitiated: (d) => `−${money(d.amount)} to ${String(d.to)}`,
  TransferCompleted: (d) => String(d.transferId),
};

/** The event's data in a few words: "SKU-LAMP ×1 @ $60". */
export function eventDetail(event: Pick<StoredEvent, 'type' | 'data'>): string {
  const summary = SUMMARIES[event.type];
  return summary ? summary(event.data) : '';
}

/** A stream id as a narrow column shows it: generated ids (rw-01455ffabb350d3a) shortened, readable ones (order-12) whole. */
export function streamLabel(id: string): string {
  return id.length > 14 ? shortId(id) : id;
}

/** A read-model row or a written entity in one line; null is the read that found nothing. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return 'not found';
  if (typeof value !== 'object') return String(value);
  const v = value as Data;
  const parts: string[] = [];
  const id = v.id ?? v.orderId;
  if (id !== undefined) parts.push(String(id));
  if (v.status !== undefined) parts.push(String(v.status));
  if (typeof v.items === 'number') parts.push(`${v.items} ${v.items === 1 ? 'item' : 'items'}`);
  else if (Array.isArray(v.lines)) parts.push(`${v.lines.length} ${v.lines.length === 1 ? 'line' : 'lines'}`);
  if (v.total !== undefined) parts.push(money(v.total));
  if (v.version !== undefined) parts.push(`v${String(v.version)}`);
  return parts.length ? parts.join(' · ') : JSON.stringify(value);
}

/** A table cell: money for money-like columns, "—" for nothing, objects summarised. */
export function cellText(column: string, value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number' && /total|balance|amount|price/i.test(column))
    return value < 0 ? `−${money(-value)}` : money(value);
  if (typeof value === 'number') return count(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object')
    return Array.isArray(value) ? `${value.length}` : `${Object.keys(value).length}`;
  return String(value);
}
