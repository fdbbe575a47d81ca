// Every saga of a run in one shape, whichever style ran it: orchestrated sagas
// come from the orchestrator's table; a choreographed order's saga is read off
// the events the services wrote to their outboxes for that order.

import type { OrderRow, OutboxRow, SagaRow, ServiceName, TableDump } from '../rows';
import type { SagaStyle } from '../service/definition';

/** A saga row without its storage details, plus which style ran it. */
export type SagaView = Omit<SagaRow, 'snapshot' | 'timer_due' | 'created_at' | 'updated_at'> & {
  style: SagaStyle;
};

/** Which choreography event means a step was done, or undone. */
const DONE: Record<string, string> = {
  PaymentCompleted: 'processPayment',
  InventoryReserved: 'reserveInventory',
  ShipmentScheduled: 'scheduleShipping',
};
const UNDONE: Record<string, string> = {
  PaymentRefunded: 'processPayment',
  InventoryReleased: 'reserveInventory',
};
const FAILED = ['PaymentFailed', 'InventoryReservationFailed', 'ShipmentFailed'];

type Services = Partial<Record<ServiceName, TableDump>>;

function orchestrated(services: Services): SagaView[] {
  return ((services.orchestrator?.sagas ?? []) as unknown as SagaRow[]).map(
    ({ snapshot, timer_due, created_at, updated_at, ...saga }) => ({
      ...saga,
      style: 'orchestration' as const,
    }),
  );
}

function choreographed(services: Services, orderIds: Set<string>): SagaView[] {
  const events = new Map<string, (OutboxRow & { service: ServiceName })[]>();
  for (const [service, tables] of Object.entries(services) as [ServiceName, TableDump][]) {
    for (const row of (tables.outbox ?? []) as unknown as OutboxRow[]) {
      if (!orderIds.has(row.aggregateid)) continue;
      events.set(row.aggregateid, [...(events.get(row.aggregateid) ?? []), { ...row, service }]);
    }
  }
  return ((services.order?.orders ?? []) as unknown as OrderRow[])
    .filter((o) => orderIds.has(o.id))
    .map((order) => {
      const chain = (events.get(order.id) ?? []).sort((a, b) => a.created_at - b.created_at);
      const completed = ['createOrder', ...chain.filter((e) => DONE[e.type]).map((e) => DONE[e.type])];
      const compensated = chain.filter((e) => UNDONE[e.type]).map((e) => UNDONE[e.type]);
      const failed = chain.find((e) => FAILED.includes(e.type));
      const status: SagaRow['status'] =
        order.status === 'COMPLETED'
          ? 'COMPLETED'
          : order.status === 'CANCELLED'
            ? 'COMPENSATED'
            : failed
              ? 'COMPENSATING'
              : 'RUNNING';
      return {
        id: `chain-${order.id}`,
        orderId: order.id,
        style: 'choreography' as const,
        status,
        state: order.status,
        step: null,
        completed,
        compensated: order.status === 'CANCELLED' ? [...compensated, 'createOrder'] : compensated,
        skipped: [],
        pending: [],
        failure: failed ? String((failed.payload as { message?: string }).message ?? failed.type) : null,
        stuckReason: null,
        history: chain.map((e) => ({ at: e.created_at, step: e.service, kind: 'event', detail: e.type })),
      };
    });
}

export function sagaViews(services: Services): SagaView[] {
  const sagas = orchestrated(services);
  const covered = new Set(sagas.map((s) => s.orderId));
  const rest = new Set(
    ((services.order?.orders ?? []) as unknown as OrderRow[])
      .map((o) => o.id)
      .filter((id) => !covered.has(id)),
  );
  return [...sagas, ...choreographed(services, rest)];
}
