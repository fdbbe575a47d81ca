// The order service: creates orders, and closes them — in choreography when
// the other services' events say so (shipped → COMPLETED, refunded or declined
// → CANCELLED), in orchestration when the orchestrator commands it.

import type { HandlerContext, ServiceDefinition } from '../service/definition';
import type { OrderItem, OrderRow } from '../rows';
import { priceOf } from './catalog';
import { placeOrderDirect } from './directCalls';
import { COORDINATOR_TABLES, placeOrder2pc, recoverTwoPhase } from './twoPhaseCommit';
import { choreographed, IGNORED_ORCHESTRATED, reply, type Outcome, type SagaCommand } from './sagaMessages';
import { commandOrder } from './semanticLock';
import type { CloudEvent } from '../envelope';
import type { RowKey } from '../service/readAhead';

export interface PlaceOrder {
  customerId: string;
  items: OrderItem[];
  total?: number;
  region?: string;
}

async function closeOrder(
  ctx: HandlerContext,
  orderId: string,
  status: OrderRow['status'],
): Promise<Outcome> {
  const orders = ctx.table<OrderRow>('orders');
  const order = await orders.get(orderId);
  if (!order) return { ok: false, errorType: 'UnknownOrder', message: `no order ${orderId}` };
  // Already there: an idempotent repeat, not an error.
  if (order.status === status) return { ok: true, facts: { status } };
  if (order.status !== 'PENDING')
    return { ok: false, errorType: 'OrderClosed', message: `order already ${order.status}` };
  await orders.put({ ...order, status });
  return { ok: true, facts: { status } };
}

const onEvent = (status: OrderRow['status']) => async (ctx: HandlerContext, event: { subject: string }) => {
  if (!choreographed(ctx)) return IGNORED_ORCHESTRATED;
  const outcome = await closeOrder(ctx, event.subject, status);
  return outcome.ok ? `order ${status}` : outcome.message;
};

const orderRead = (orderId: string): RowKey[] => [{ table: 'orders', key: orderId }];
const eventOrderRead = (event: CloudEvent) => orderRead(event.subject);
const commandOrderRead = (event: CloudEvent) => orderRead(commandOrder(event).orderId);

export const orderService: ServiceDefinition = {
  name: 'order',
  aggregateType: 'Order',
  tables: { orders: 'id, status', ...COORDINATOR_TABLES },
  consumes: ['shipping-events', 'payment-events', 'order-commands', 'order-compensations'],
  commands: {
    async placeOrder(ctx, input) {
      const { customerId, items, total, region } = input as PlaceOrder;
      const order: OrderRow = {
        id: ctx.newId('o'),
        customerId,
        items,
        region: region ?? 'EU',
        total: total ?? priceOf(items),
        status: 'PENDING',
        created_at: ctx.now,
      };
      await ctx.table<OrderRow>('orders').add(order);
      ctx.emit('OrderCreated', order.id, {
        orderId: order.id,
        customerId,
        total: order.total,
        items,
        region: order.region,
      });
      return order.id;
    },
  },
  procedures: { placeOrderDirect, placeOrder2pc },
  recover: recoverTwoPhase,
  // The order each closing reads.
  readAhead: {
    ShipmentScheduled: eventOrderRead,
    PaymentRefunded: eventOrderRead,
    PaymentFailed: eventOrderRead,
    CompleteOrder: commandOrderRead,
    CancelOrder: commandOrderRead,
  },
  handlers: {
    ShipmentScheduled: onEvent('COMPLETED'),
    PaymentRefunded: onEvent('CANCELLED'),
    PaymentFailed: onEvent('CANCELLED'),
    async CompleteOrder(ctx, event) {
      const command = event.data as SagaCommand;
      return reply(
        ctx,
        command,
        await closeOrder(ctx, command.order.orderId, 'COMPLETED'),
        'OrderCompleted',
        'OrderCompletionFailed',
      );
    },
    async CancelOrder(ctx, event) {
      const command = event.data as SagaCommand;
      return reply(
        ctx,
        command,
        await closeOrder(ctx, command.order.orderId, 'CANCELLED'),
        'OrderCancelled',
        'OrderCancellationFailed',
      );
    },
  },
};
