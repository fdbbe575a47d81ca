// The shop's invariant checker: what the catalogue (invariantCatalogue.ts)
// says must hold of a shop run, checked over a snapshot read from every
// database. Used by the shop's conductor, the scripting API's anomalies() and
// the tests. Pure functions only.

import type {
  CustomerRow,
  MetaRow,
  OrderRow,
  OutboxRow,
  PaymentRow,
  ReservationRow,
  ServiceName,
  ShipmentRow,
  StockRow,
  TableDump,
} from './rows';
import { baselineKey } from './service/baselines';
import { sagaViews } from './saga/sagaView';
import { unpublishedChanges } from './cdc/changeInvariants';
import { changeRowsOf, relayPositionOf } from './cdc/tableDumpReads';
import { publisherOf } from './service/topics';
import { watermarkOf } from './service/outboxWatermark';
import type { Anomaly } from './invariantCatalogue';

export interface SystemSnapshot {
  services: Partial<Record<ServiceName, TableDump>>;
  /** What the broker's log holds, where known: per topic, the subjects it has records for. */
  broker?: { subjects?: Record<string, string[]> };
}

function rows<T>(snapshot: SystemSnapshot, service: ServiceName, table: string): T[] {
  return (snapshot.services[service]?.[table] ?? []) as T[];
}

/** Rows by their order, in their order: a busy run checks tens of thousands of them every few seconds. */
function byOrderOf<T extends { orderId: string }>(list: readonly T[]): Map<string, T[]> {
  const byOrder = new Map<string, T[]>();
  for (const row of list) {
    const found = byOrder.get(row.orderId);
    if (found) found.push(row);
    else byOrder.set(row.orderId, [row]);
  }
  return byOrder;
}

function doubleCharges(snapshot: SystemSnapshot): Anomaly[] {
  const byOrder = byOrderOf(rows<PaymentRow>(snapshot, 'payment', 'payments'));
  return [...byOrder]
    .filter(([, charges]) => charges.length > 1)
    .map(([orderId, charges]) => ({
      invariant: 'no-double-charge' as const,
      message: `Order ${orderId} was charged ${charges.length} times (${charges.map((c) => `${c.id}: ${c.amount}`).join(', ')}).`,
    }));
}

function duplicateSideEffects(snapshot: SystemSnapshot): Anomaly[] {
  const twice = <T extends { orderId: string; id: string }>(list: T[], what: string) =>
    [...byOrderOf(list)]
      .filter(([, found]) => found.length > 1)
      .map(([orderId, found]) => ({
        invariant: 'no-duplicate-side-effect' as const,
        message: `Order ${orderId} has ${found.length} ${what}: ${found.map((r) => r.id).join(', ')}.`,
      }));
  return [
    ...twice(
      rows<ReservationRow>(snapshot, 'inventory', 'reservations').filter((r) => r.status === 'RESERVED'),
      'stock reservations',
    ),
    ...twice(
      rows<ShipmentRow>(snapshot, 'shipping', 'shipments').filter((s) => s.status === 'SCHEDULED'),
      'scheduled shipments',
    ),
  ];
}

function unpublished(snapshot: SystemSnapshot): Anomaly[] {
  return (Object.keys(snapshot.services) as ServiceName[]).flatMap((service) => {
    const dump = snapshot.services[service];
    const position = relayPositionOf(dump);
    // A log-tailing relay never marks rows: what it has published is what its stored position has passed.
    if (position !== null)
      return unpublishedChanges(
        service,
        changeRowsOf(dump),
        position,
        (c) => c.table === 'outbox' && c.op === 'c',
      );
    // A polling relay never writes a row after its insert: what it has published is what its watermark covers.
    const watermark = watermarkOf(dump?.meta)?.seq ?? 0;
    return rows<OutboxRow>(snapshot, service, 'outbox')
      .filter((row) => row.seq! > watermark)
      .map((row) => ({
        invariant: 'no-event-lost' as const,
        message: `${service}: outbox row ${row.id} (${row.type} for ${row.aggregateid}) was committed but never published.`,
      }));
  });
}

/** Without an outbox there is no row to show a lost event; the broker's log is the witness instead. */
function neverReachedBroker(snapshot: SystemSnapshot): Anomaly[] {
  const subjects = snapshot.broker?.subjects;
  if (!subjects) return [];
  // The order service's event topic, under whichever naming the run's relays use.
  const published = new Set(
    Object.entries(subjects).flatMap(([topic, ids]) => (publisherOf(topic) === 'order' ? ids : [])),
  );
  return rows<OrderRow>(snapshot, 'order', 'orders')
    .filter((o) => !published.has(o.id))
    .map((o) => ({
      invariant: 'no-event-lost' as const,
      message: `Order ${o.id} was saved, but no event about it ever reached the broker.`,
    }));
}

function stuckOrders(snapshot: SystemSnapshot): Anomaly[] {
  return rows<OrderRow>(snapshot, 'order', 'orders')
    .filter((o) => o.status === 'PENDING')
    .map((o) => ({
      invariant: 'no-order-stuck' as const,
      message: `Order ${o.id} is still PENDING after the system settled.`,
    }));
}

function sagasNotTerminal(snapshot: SystemSnapshot): Anomaly[] {
  // A choreographed saga's state is its order's status, which no-order-stuck already checks.
  return sagaViews(snapshot.services)
    .filter((s) => s.style === 'orchestration' && s.status !== 'COMPLETED' && s.status !== 'COMPENSATED')
    .map((s) => ({
      invariant: 'saga-terminal' as const,
      message: `Saga ${s.id} is ${s.status} after the system settled${s.stuckReason ? `: ${s.stuckReason}` : ''}.`,
    }));
}

function leftovers(snapshot: SystemSnapshot): Anomaly[] {
  const cancelled = new Set(
    rows<OrderRow>(snapshot, 'order', 'orders')
      .filter((o) => o.status === 'CANCELLED')
      .map((o) => o.id),
  );
  const found = (what: string, orderId: string, id: string) => ({
    invariant: 'saga-fully-compensated' as const,
    message: `Order ${orderId} was cancelled but its ${what} ${id} was never undone.`,
  });
  const skipped = sagaViews(snapshot.services)
    .filter((s) => s.status === 'COMPENSATED' && s.skipped.length)
    .map((s) => ({
      invariant: 'saga-fully-compensated' as const,
      message: `Saga ${s.id} ended COMPENSATED but skipped ${s.skipped.join(', ')}: those steps stay done.`,
    }));
  return [
    ...skipped,
    ...rows<PaymentRow>(snapshot, 'payment', 'payments')
      .filter((p) => cancelled.has(p.orderId) && p.status === 'CHARGED')
      .map((p) => found('charge', p.orderId, p.id)),
    ...rows<ReservationRow>(snapshot, 'inventory', 'reservations')
      .filter((r) => cancelled.has(r.orderId) && r.status === 'RESERVED')
      .map((r) => found('stock reservation', r.orderId, r.id)),
    ...rows<ShipmentRow>(snapshot, 'shipping', 'shipments')
      .filter((s) => cancelled.has(s.orderId) && s.status === 'SCHEDULED')
      .map((s) => found('shipment', s.orderId, s.id)),
  ];
}

function byOrder<T extends { orderId: string }>(list: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of list) grouped.set(row.orderId, [...(grouped.get(row.orderId) ?? []), row]);
  return grouped;
}

/** Only for sagas: the direct-call and two-phase-commit runs do not schedule shipments (`messaging` false there). */
function incompleteCompletions(snapshot: SystemSnapshot): Anomaly[] {
  // Each part is checked against the service that keeps it, where the snapshot has that service's tables.
  const has = (service: ServiceName) => snapshot.services[service] !== undefined;
  const payments = byOrder(rows<PaymentRow>(snapshot, 'payment', 'payments'));
  const reservations = byOrder(rows<ReservationRow>(snapshot, 'inventory', 'reservations'));
  const shipments = byOrder(rows<ShipmentRow>(snapshot, 'shipping', 'shipments'));
  return rows<OrderRow>(snapshot, 'order', 'orders')
    .filter((o) => o.status === 'COMPLETED')
    .flatMap((o) => {
      const charged = (payments.get(o.id) ?? []).filter((p) => p.status === 'CHARGED').length;
      const refunded = (payments.get(o.id) ?? []).filter((p) => p.status === 'REFUNDED').length;
      const reserved = (reservations.get(o.id) ?? []).filter((r) => r.status === 'RESERVED').length;
      const scheduled = (shipments.get(o.id) ?? []).filter((s) => s.status === 'SCHEDULED').length;
      const wrong = [
        has('payment') && charged === 0 && 'no charge',
        refunded > 0 && `${refunded} payment(s) refunded`,
        has('inventory') && reserved === 0 && 'no stock reservation',
        has('shipping') && scheduled === 0 && 'no scheduled shipment',
      ].filter(Boolean);
      return wrong.length
        ? [
            {
              invariant: 'completed-order-whole' as const,
              message: `Order ${o.id} is COMPLETED with ${wrong.join(', ')}.`,
            },
          ]
        : [];
    });
}

const ORDER_STATUS_OF_SAGA: Partial<Record<string, OrderRow['status']>> = {
  COMPLETED: 'COMPLETED',
  COMPENSATED: 'CANCELLED',
};

function sagasAtOddsWithOrders(snapshot: SystemSnapshot): Anomaly[] {
  const orders = new Map(rows<OrderRow>(snapshot, 'order', 'orders').map((o) => [o.id, o]));
  return sagaViews(snapshot.services)
    .filter((s) => s.style === 'orchestration')
    .flatMap((s) => {
      const order = orders.get(s.orderId);
      if (!order) return [];
      const expected = ORDER_STATUS_OF_SAGA[s.status];
      // A saga still running may be about to close its order; one that has ended must have closed it its way.
      const odd = expected
        ? order.status !== expected
        : order.status !== 'PENDING' && s.status !== 'RUNNING' && s.status !== 'COMPENSATING';
      return odd
        ? [
            {
              invariant: 'saga-agrees-with-order' as const,
              message: `Saga ${s.id} is ${s.status}, but its order ${order.id} is ${order.status}.`,
            },
          ]
        : [];
    });
}

function blockedParticipants(snapshot: SystemSnapshot): Anomaly[] {
  const undecided = rows<{ txId: string; state: string; orderId: string }>(snapshot, 'order', 'twopc')
    .filter((t) => t.state !== 'DONE')
    .map((t) => ({
      invariant: 'no-2pc-blocked' as const,
      message: `Transaction ${t.txId} (order ${t.orderId}) is still ${t.state}.`,
    }));
  const held = (['payment', 'inventory'] as const).flatMap((service) =>
    rows<{ resource: string; txId: string }>(snapshot, service, 'locks').map((l) => ({
      invariant: 'no-2pc-blocked' as const,
      message: `${service} still holds the lock on ${l.resource} for transaction ${l.txId}.`,
    })),
  );
  const promised = (['payment', 'inventory'] as const).flatMap((service) =>
    rows<{ txId: string; outcome: string }>(snapshot, service, 'prepared')
      .filter((p) => p.outcome === 'PREPARED')
      .map((p) => ({
        invariant: 'no-2pc-blocked' as const,
        message: `${service} is still prepared for transaction ${p.txId}, waiting for a decision.`,
      })),
  );
  return [...undecided, ...held, ...promised];
}

function baseline(
  snapshot: SystemSnapshot,
  service: ServiceName,
  table: string,
  key: string,
  field: string,
): number {
  return (
    rows<MetaRow>(snapshot, service, 'meta').find((m) => m.key === baselineKey(table, key, field))?.value ?? 0
  );
}

function moneyLeaks(snapshot: SystemSnapshot): Anomaly[] {
  const charged = new Map<string, number>();
  for (const p of rows<PaymentRow>(snapshot, 'payment', 'payments'))
    if (p.status === 'CHARGED') charged.set(p.customerId, (charged.get(p.customerId) ?? 0) + p.amount);
  return rows<CustomerRow>(snapshot, 'payment', 'customers')
    .filter(
      (c) =>
        c.credit + (charged.get(c.id) ?? 0) !== baseline(snapshot, 'payment', 'customers', c.id, 'credit'),
    )
    .map((c) => ({
      invariant: 'money-conserved' as const,
      message: `${c.id}: credit ${c.credit} + charged ${charged.get(c.id) ?? 0} ≠ ${baseline(snapshot, 'payment', 'customers', c.id, 'credit')} to account for.`,
    }));
}

function stockLeaks(snapshot: SystemSnapshot): Anomaly[] {
  const held = new Map<string, number>();
  for (const r of rows<ReservationRow>(snapshot, 'inventory', 'reservations'))
    if (r.status === 'RESERVED')
      for (const item of r.items) held.set(item.sku, (held.get(item.sku) ?? 0) + item.qty);
  return rows<StockRow>(snapshot, 'inventory', 'stock').flatMap((s) => {
    const start =
      baseline(snapshot, 'inventory', 'stock', s.sku, 'available') +
      baseline(snapshot, 'inventory', 'stock', s.sku, 'reserved');
    const found: Anomaly[] = [];
    if (s.available + s.reserved !== start)
      found.push({
        invariant: 'stock-conserved',
        message: `${s.sku}: available ${s.available} + reserved ${s.reserved} ≠ ${start} to account for.`,
      });
    if (s.reserved !== (held.get(s.sku) ?? 0))
      found.push({
        invariant: 'stock-conserved',
        message: `${s.sku}: ${s.reserved} counted as reserved, but active reservations hold ${held.get(s.sku) ?? 0}.`,
      });
    return found;
  });
}

export interface CheckOptions {
  /** The system is at rest: nothing owed anywhere. Turns on the checks that hold only then. */
  settled: boolean;
  /**
   * The snapshot is a consistent cut (a deterministic run, read between two steps): the checks that compare
   * services hold at every such moment, so they run before the system settles, and flag the step they break at.
   * A live run's snapshot reads each database at a slightly different moment, so there they wait for `settled`.
   */
  consistent?: boolean;
  /** Orders travel as events (false for direct calls and two-phase commit, where no event is expected at the broker). */
  messaging?: boolean;
}

/** The checks that compare services and hold at every consistent moment, settled or not. */
function crossService(snapshot: SystemSnapshot, messaging: boolean): Anomaly[] {
  return [
    ...leftovers(snapshot),
    ...(messaging ? incompleteCompletions(snapshot) : []),
    ...sagasAtOddsWithOrders(snapshot),
  ];
}

export function checkInvariants(
  snapshot: SystemSnapshot,
  { settled, consistent = false, messaging = true }: CheckOptions,
): Anomaly[] {
  return [
    ...doubleCharges(snapshot),
    ...duplicateSideEffects(snapshot),
    ...(settled || consistent ? crossService(snapshot, messaging) : []),
    ...(settled
      ? [
          ...unpublished(snapshot),
          ...(messaging ? neverReachedBroker(snapshot) : []),
          ...stuckOrders(snapshot),
          ...sagasNotTerminal(snapshot),
          ...blockedParticipants(snapshot),
          ...moneyLeaks(snapshot),
          ...stockLeaks(snapshot),
        ]
      : []),
  ];
}
