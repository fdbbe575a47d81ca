// The shipping service: schedules a delivery for every reserved order, unless
// the order's region is one it does not serve; cancels it on compensation.

import type { HandlerContext, ServiceDefinition } from '../service/definition';
import type { RegionRow, ShipmentRow } from '../rows';
import { REGIONS } from './catalog';
import { choreographed, failure, IGNORED_ORCHESTRATED, type OrderFacts, type Outcome } from './sagaMessages';
import { lockedStep, lockingCompensation, SEMANTIC_LOCK_TABLES } from './semanticLock';

const STEP = 'scheduleShipping';

/** `idempotent` as in inventory's reserve: commands need it, the choreography handler relies on the inbox. */
async function schedule(
  ctx: HandlerContext,
  orderId: string,
  region: string,
  idempotent = true,
): Promise<Outcome<{ shipmentId: string }>> {
  const shipments = ctx.table<ShipmentRow>('shipments');
  const earlier =
    idempotent &&
    (await shipments
      .where('orderId')
      .equals(orderId)
      .filter((s) => s.status === 'SCHEDULED')
      .first());
  if (earlier) return { ok: true, facts: { shipmentId: earlier.id } };
  const served = await ctx.reference<RegionRow>('regions', region);
  if (!served?.served) return failure('RegionNotServed', `we do not ship to ${region}`);
  const shipment: ShipmentRow = { id: ctx.newId('shp'), orderId, status: 'SCHEDULED', created_at: ctx.now };
  await shipments.add(shipment);
  return { ok: true, facts: { shipmentId: shipment.id } };
}

async function cancel(ctx: HandlerContext, orderId: string): Promise<Outcome<{ cancelled: string[] }>> {
  const shipments = ctx.table<ShipmentRow>('shipments');
  const scheduled = await shipments
    .where('orderId')
    .equals(orderId)
    .filter((s) => s.status === 'SCHEDULED')
    .toArray();
  for (const shipment of scheduled) await shipments.put({ ...shipment, status: 'CANCELLED' });
  return { ok: true, facts: { cancelled: scheduled.map((s) => s.id) } };
}

export const shippingService: ServiceDefinition = {
  name: 'shipping',
  aggregateType: 'Shipping',
  tables: { shipments: 'id, orderId', regions: 'id', ...SEMANTIC_LOCK_TABLES },
  consumes: ['inventory-events', 'shipping-commands', 'shipping-compensations'],
  reference: ['regions'],
  editable: ['regions'],
  async seed(ctx) {
    await ctx.table<RegionRow>('regions').bulkPut(REGIONS.map((r) => ({ ...r })));
  },
  endpoints: {
    schedule: (p, input) =>
      p.transaction((ctx) => schedule(ctx, (input as OrderFacts).orderId, (input as OrderFacts).region)),
  },
  handlers: {
    async InventoryReserved(ctx, event) {
      if (!choreographed(ctx)) return IGNORED_ORCHESTRATED;
      const { region = 'EU' } = event.data as { region?: string };
      const outcome = await schedule(ctx, event.subject, region, false);
      if (outcome.ok) {
        ctx.emit('ShipmentScheduled', event.subject, { orderId: event.subject, ...outcome.facts });
        return `scheduled as ${outcome.facts.shipmentId}`;
      }
      ctx.emit('ShipmentFailed', event.subject, {
        orderId: event.subject,
        errorType: outcome.errorType,
        message: outcome.message,
      });
      return outcome.message;
    },
    ScheduleShipment: lockedStep(STEP, (ctx, c) => schedule(ctx, c.order.orderId, c.order.region), [
      'ShipmentScheduled',
      'ShipmentFailed',
    ]),
    CancelShipment: lockingCompensation(
      STEP,
      (ctx, c) => cancel(ctx, c.order.orderId),
      (f) => f.cancelled,
      ['ShipmentCancelled', 'ShipmentCancellationFailed'],
    ),
  },
};
