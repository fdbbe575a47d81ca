// The invariant catalogue: what must hold of the whole system, checked over a
// snapshot read from every database. Used by the anomalies panel, by
// window.playground.anomalies() and by the tests. Pure functions only.

import type { OrderRow, OutboxRow, PaymentRow, ServiceName, TableDump } from './rows';

export interface Anomaly {
  invariant: InvariantName;
  message: string;
}

export interface SystemSnapshot {
  services: Partial<Record<ServiceName, TableDump>>;
}

export const INVARIANTS = {
  'no-double-charge': 'An order is charged at most once.',
  'no-event-lost': 'After the system settles, every committed outbox row has been published.',
  'no-order-stuck': 'After the system settles, no order is left PENDING.',
} as const;

export type InvariantName = keyof typeof INVARIANTS;

function rows<T>(snapshot: SystemSnapshot, service: ServiceName, table: string): T[] {
  return (snapshot.services[service]?.[table] ?? []) as T[];
}

function doubleCharges(snapshot: SystemSnapshot): Anomaly[] {
  const byOrder = new Map<string, PaymentRow[]>();
  for (const p of rows<PaymentRow>(snapshot, 'payment', 'payments')) byOrder.set(p.orderId, [...(byOrder.get(p.orderId) ?? []), p]);
  return [...byOrder]
    .filter(([, charges]) => charges.length > 1)
    .map(([orderId, charges]) => ({
      invariant: 'no-double-charge' as const,
      message: `Order ${orderId} was charged ${charges.length} times (${charges.map((c) => `${c.id}: ${c.amount}`).join(', ')}).`,
    }));
}

function unpublished(snapshot: SystemSnapshot): Anomaly[] {
  return (Object.keys(snapshot.services) as ServiceName[]).flatMap((service) =>
    rows<OutboxRow>(snapshot, service, 'outbox')
      .filter((row) => row.published_at === null)
      .map((row) => ({
        invariant: 'no-event-lost' as const,
        message: `${service}: outbox row ${row.id} (${row.type} for ${row.aggregateid}) was committed but never published.`,
      })),
  );
}

function stuckOrders(snapshot: SystemSnapshot): Anomaly[] {
  return rows<OrderRow>(snapshot, 'order', 'orders')
    .filter((o) => o.status === 'PENDING')
    .map((o) => ({ invariant: 'no-order-stuck' as const, message: `Order ${o.id} is still PENDING after the system settled.` }));
}

/** Checks that need a quiet system only run when `settled` is true. */
export function checkInvariants(snapshot: SystemSnapshot, { settled }: { settled: boolean }): Anomaly[] {
  return [...doubleCharges(snapshot), ...(settled ? [...unpublished(snapshot), ...stuckOrders(snapshot)] : [])];
}
