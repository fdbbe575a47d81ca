// The inventory service: reserves stock once an order is paid, or reports that
// it cannot — the event that starts the compensating path.

import type { ServiceDefinition } from '../service/definition';
import type { OrderItem, ReservationRow, StockRow } from '../rows';
import { INITIAL_STOCK } from './catalog';

export const inventoryService: ServiceDefinition = {
  name: 'inventory',
  aggregateType: 'Inventory',
  tables: { stock: 'sku', reservations: 'id, orderId' },
  consumes: ['payment-events'],
  async seed(ctx) {
    const rows: StockRow[] = Object.entries(INITIAL_STOCK).map(([sku, available]) => ({ sku, available, reserved: 0 }));
    await ctx.table<StockRow>('stock').bulkPut(rows);
  },
  handlers: {
    async PaymentCompleted(ctx, event) {
      const { orderId, items } = event.data as { orderId: string; items: OrderItem[] };
      const stock = ctx.table<StockRow>('stock');
      const levels = await stock.bulkGet(items.map((i) => i.sku));
      const short = items.find((item, i) => (levels[i]?.available ?? 0) < item.qty);
      if (short) {
        ctx.emit('InventoryReservationFailed', orderId, { orderId, reason: `out of stock: ${short.sku}` });
        return `out of stock: ${short.sku}`;
      }
      await stock.bulkPut(items.map((item, i) => ({ ...levels[i]!, available: levels[i]!.available - item.qty, reserved: levels[i]!.reserved + item.qty })));
      const reservation: ReservationRow = { id: ctx.newId('res'), orderId, items, status: 'RESERVED', created_at: ctx.now };
      await ctx.table<ReservationRow>('reservations').add(reservation);
      ctx.emit('InventoryReserved', orderId, { orderId, reservationId: reservation.id, items });
      return `reserved as ${reservation.id}`;
    },
  },
};
