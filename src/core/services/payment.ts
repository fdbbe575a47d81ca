// The payment service: charges on OrderCreated, refunds when inventory could
// not reserve. The idempotency key `payment-<orderId>` makes a repeated charge
// request return the first charge instead of taking the money again.

import type { ServiceDefinition } from '../service/definition';
import type { OrderItem, PaymentRow } from '../rows';

interface OrderCreated {
  orderId: string;
  customerId: string;
  total: number;
  items: OrderItem[];
}

export const paymentService: ServiceDefinition = {
  name: 'payment',
  aggregateType: 'Payment',
  tables: { payments: 'id, orderId, idempotencyKey' },
  consumes: ['order-events', 'inventory-events'],
  handlers: {
    async OrderCreated(ctx, event) {
      const order = event.data as OrderCreated;
      // A malformed charge request is a bug upstream, not a business outcome:
      // throwing lets the broker retry it and then dead-letter it.
      if (!(order.total > 0)) throw new Error(`cannot charge ${order.total}: amount must be positive`);
      const payments = ctx.table<PaymentRow>('payments');
      const idempotencyKey = `payment-${order.orderId}`;
      if (ctx.config.idempotencyKeys) {
        const earlier = await payments.where('idempotencyKey').equals(idempotencyKey).first();
        if (earlier) return `already charged as ${earlier.id} (key ${idempotencyKey})`;
      }
      const payment: PaymentRow = {
        id: ctx.newId('pay'),
        orderId: order.orderId,
        customerId: order.customerId,
        amount: order.total,
        status: 'CHARGED',
        idempotencyKey,
        created_at: ctx.now,
      };
      await payments.add(payment);
      ctx.emit('PaymentCompleted', order.orderId, { ...order, paymentId: payment.id, amount: payment.amount });
      return `charged ${payment.amount} as ${payment.id}`;
    },
    async InventoryReservationFailed(ctx, event) {
      const payments = ctx.table<PaymentRow>('payments');
      const charged = await payments.where('orderId').equals(event.subject).filter((p) => p.status === 'CHARGED').toArray();
      for (const payment of charged) await payments.put({ ...payment, status: 'REFUNDED' });
      ctx.emit('PaymentRefunded', event.subject, { orderId: event.subject, refunded: charged.map((p) => p.id) });
      return `refunded ${charged.length} payment(s)`;
    },
  },
};
