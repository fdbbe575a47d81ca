// The inventory service: reserves stock for paid orders (choreography) or on
// the orchestrator's command, and releases it when a later step fails.
// Out of stock is a business "no"; a warehouse that is offline is transient.

import type { HandlerContext, ServiceDefinition } from '../service/definition';
import type { OrderItem, ReservationRow, SettingRow, StockRow } from '../rows';
import { INITIAL_STOCK } from './catalog';
import { PARTICIPANT_TABLES, participantEndpoints } from './participant';
import type { RowKey } from '../service/readAhead';
import {
  commandOrder,
  lockAfterCompensation,
  lockedStep,
  lockRow,
  lockingCompensation,
  refusedByLock,
  SEMANTIC_LOCK_TABLES,
} from './semanticLock';

const STEP = 'reserveInventory';
import {
  choreographed,
  compensationFault,
  failure,
  IGNORED_ORCHESTRATED,
  transientFault,
  TransientError,
  type OrderFacts,
  type Outcome,
} from './sagaMessages';

const reserveReads = (order: OrderFacts): RowKey[] => [
  lockRow(STEP, order.orderId),
  ...order.items.map((item) => ({ table: 'stock', key: item.sku })),
];

export const WAREHOUSE = 'warehouse';

/**
 * `idempotent`: answer a repeat for the same order with the first reservation. Saga commands and calls need
 * it (their retries are new messages); the choreography handler leaves it to the inbox, so turning the inbox
 * off shows what a redelivery does to a handler that is not idempotent by itself.
 */
async function reserve(
  ctx: HandlerContext,
  orderId: string,
  items: OrderItem[],
  attempt: number,
  idempotent = true,
): Promise<Outcome<{ reservationId: string; items: OrderItem[] }>> {
  const reservations = ctx.table<ReservationRow>('reservations');
  const earlier =
    idempotent &&
    (await reservations
      .where('orderId')
      .equals(orderId)
      .filter((r) => r.status === 'RESERVED')
      .first());
  if (earlier) return { ok: true, facts: { reservationId: earlier.id, items } };
  const fault = transientFault(await ctx.reference<SettingRow>('settings', WAREHOUSE), attempt, 'Warehouse');
  if (fault) return { ok: false, ...fault };
  const stock = ctx.table<StockRow>('stock');
  const levels = await stock.bulkGet(items.map((i) => i.sku));
  const short = items.find((item, i) => (levels[i]?.available ?? 0) < item.qty);
  if (short) return failure('OutOfStock', `out of stock: ${short.sku}`);
  await stock.bulkPut(
    items.map((item, i) => ({
      ...levels[i]!,
      available: levels[i]!.available - item.qty,
      reserved: levels[i]!.reserved + item.qty,
    })),
  );
  const reservation: ReservationRow = {
    id: ctx.newId('res'),
    orderId,
    items,
    status: 'RESERVED',
    created_at: ctx.now,
  };
  await reservations.add(reservation);
  return { ok: true, facts: { reservationId: reservation.id, items } };
}

async function release(
  ctx: HandlerContext,
  orderId: string,
  attempt: number,
): Promise<Outcome<{ released: string[] }>> {
  const setting = await ctx.reference<SettingRow>('settings', WAREHOUSE);
  const fault = compensationFault(setting, 'Warehouse') ?? transientFault(setting, attempt, 'Warehouse');
  if (fault) return { ok: false, ...fault };
  const reservations = ctx.table<ReservationRow>('reservations');
  const stock = ctx.table<StockRow>('stock');
  const held = await reservations
    .where('orderId')
    .equals(orderId)
    .filter((r) => r.status === 'RESERVED')
    .toArray();
  for (const reservation of held) {
    await reservations.put({ ...reservation, status: 'RELEASED' });
    for (const item of reservation.items) {
      const level = await stock.get(item.sku);
      if (level)
        await stock.put({
          ...level,
          available: level.available + item.qty,
          reserved: level.reserved - item.qty,
        });
    }
  }
  return { ok: true, facts: { released: held.map((r) => r.id) } };
}

export const inventoryService: ServiceDefinition = {
  name: 'inventory',
  aggregateType: 'Inventory',
  tables: {
    stock: 'sku',
    reservations: 'id, orderId',
    settings: 'key',
    ...PARTICIPANT_TABLES,
    ...SEMANTIC_LOCK_TABLES,
  },
  consumes: ['payment-events', 'shipping-events', 'inventory-commands', 'inventory-compensations'],
  reference: ['settings'],
  editable: ['stock', 'settings'],
  conserved: { stock: ['available', 'reserved'] },
  async seed(ctx) {
    const rows: StockRow[] = Object.entries(INITIAL_STOCK).map(([sku, available]) => ({
      sku,
      available,
      reserved: 0,
    }));
    await ctx.table<StockRow>('stock').bulkPut(rows);
    await ctx
      .table<SettingRow>('settings')
      .put({ key: WAREHOUSE, failFirstAttempts: 0, offline: false, compensationFails: false });
  },
  endpoints: {
    reserve: (p, input) =>
      p.transaction((ctx) => reserve(ctx, (input as OrderFacts).orderId, (input as OrderFacts).items, 1)),
    ...participantEndpoints({
      resources: (order) => order.items.map((i) => `stock:${i.sku}`),
      async check(ctx, order) {
        const levels = await ctx.table<StockRow>('stock').bulkGet(order.items.map((i) => i.sku));
        const short = order.items.find((item, i) => (levels[i]?.available ?? 0) < item.qty);
        return short ? `out of stock: ${short.sku}` : null;
      },
      apply: async (ctx, order) => void (await reserve(ctx, order.orderId, order.items, Infinity)),
    }),
  },
  // The lock and the stock levels each reservation reads.
  readAhead: {
    PaymentCompleted: (event) => reserveReads(event.data as OrderFacts),
    ReserveInventory: (event) => reserveReads(commandOrder(event)),
  },
  handlers: {
    async PaymentCompleted(ctx, event) {
      if (!choreographed(ctx)) return IGNORED_ORCHESTRATED;
      const { orderId, items } = event.data as { orderId: string; items: OrderItem[] };
      // The stock was released already: a late PaymentCompleted reserves nothing.
      const refused = await refusedByLock(ctx, STEP, orderId, event.type);
      if (refused) return `refused: ${refused}`;
      const outcome = await reserve(ctx, orderId, items, ctx.attempt, false);
      if (outcome.ok) {
        ctx.emit('InventoryReserved', orderId, { ...(event.data as object), ...outcome.facts });
        return `reserved as ${outcome.facts.reservationId}`;
      }
      if (outcome.errorType !== 'OutOfStock') throw new TransientError(outcome);
      ctx.emit('InventoryReservationFailed', orderId, {
        orderId,
        errorType: outcome.errorType,
        message: outcome.message,
      });
      return outcome.message;
    },
    async ShipmentFailed(ctx, event) {
      if (!choreographed(ctx)) return IGNORED_ORCHESTRATED;
      const outcome = await release(ctx, event.subject, ctx.attempt);
      if (!outcome.ok) throw new TransientError(outcome);
      await lockAfterCompensation(ctx, {
        step: STEP,
        orderId: event.subject,
        compensation: `release on ${event.type}`,
        undid: outcome.facts.released,
      });
      ctx.emit('InventoryReleased', event.subject, { orderId: event.subject, ...outcome.facts });
      return `released ${outcome.facts.released.length} reservation(s)`;
    },
    ReserveInventory: lockedStep(STEP, (ctx, c) => reserve(ctx, c.order.orderId, c.order.items, c.attempt), [
      'InventoryReserved',
      'InventoryReservationFailed',
    ]),
    ReleaseInventory: lockingCompensation(
      STEP,
      (ctx, c) => release(ctx, c.order.orderId, c.attempt),
      (f) => f.released,
      ['InventoryReleased', 'InventoryReleaseFailed'],
    ),
  },
};
