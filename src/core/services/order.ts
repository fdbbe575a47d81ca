// The order service: creates orders and closes them when the rest of the
// choreography reports back (shipped → COMPLETED, refunded → CANCELLED).

import type { ServiceDefinition } from '../service/definition';
import type { OrderItem, OrderRow } from '../rows';
import { priceOf } from './catalog';

export interface PlaceOrder {
  customerId: string;
  items: OrderItem[];
  total?: number;
}

async function closeOrder(ctx: Parameters<ServiceDefinition['handlers'][string]>[0], orderId: string, status: OrderRow['status']) {
  const orders = ctx.table<OrderRow>('orders');
  const order = await orders.get(orderId);
  if (!order) return `no order ${orderId}`;
  if (order.status !== 'PENDING') return `order already ${order.status}`;
  await orders.put({ ...order, status });
  return `order ${status}`;
}

export const orderService: ServiceDefinition = {
  name: 'order',
  aggregateType: 'Order',
  tables: { orders: 'id, status' },
  consumes: ['shipping-events', 'payment-events'],
  commands: {
    async placeOrder(ctx, input) {
      const { customerId, items, total } = input as PlaceOrder;
      const order: OrderRow = {
        id: ctx.newId('o'),
        customerId,
        items,
        total: total ?? priceOf(items),
        status: 'PENDING',
        created_at: ctx.now,
      };
      await ctx.table<OrderRow>('orders').add(order);
      ctx.emit('OrderCreated', order.id, { orderId: order.id, customerId, total: order.total, items });
      return order.id;
    },
  },
  handlers: {
    ShipmentScheduled: (ctx, event) => closeOrder(ctx, event.subject, 'COMPLETED'),
    PaymentRefunded: (ctx, event) => closeOrder(ctx, event.subject, 'CANCELLED'),
  },
};
