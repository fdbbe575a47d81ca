// The payment service: charges and refunds against each customer's credit.
// The idempotency key `payment-<orderId>` makes a repeated charge request
// return the first charge instead of taking the money again; a scenario can
// turn the key off to show the double charge it prevents.

import type { HandlerContext, ServiceDefinition } from '../service/definition';
import type { CustomerRow, PaymentRow, SettingRow } from '../rows';
import { CUSTOMERS } from './catalog';
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
import { PARTICIPANT_TABLES, participantEndpoints } from './participant';
import type { RowKey } from '../service/readAhead';
import {
  commandOrder,
  lockAfterCompensation,
  lockRow,
  lockedStep,
  lockingCompensation,
  refusedByLock,
  SEMANTIC_LOCK_TABLES,
} from './semanticLock';

const STEP = 'processPayment';

const chargeReads = (order: OrderFacts): RowKey[] => [
  lockRow(STEP, order.orderId),
  { table: 'customers', key: order.customerId },
];

export const GATEWAY = 'gateway';

async function charge(
  ctx: HandlerContext,
  order: OrderFacts,
  attempt: number,
): Promise<Outcome<{ paymentId: string; amount: number }>> {
  // A malformed request is a bug upstream, not a business outcome: throwing lets the broker retry it, then dead-letter it.
  if (!(order.total > 0)) throw new Error(`cannot charge ${order.total}: amount must be positive`);
  const payments = ctx.table<PaymentRow>('payments');
  const idempotencyKey = `payment-${order.orderId}`;
  if (ctx.config.idempotencyKeys) {
    const earlier = await payments.where('idempotencyKey').equals(idempotencyKey).first();
    if (earlier) return { ok: true, facts: { paymentId: earlier.id, amount: earlier.amount } };
  }
  const fault = transientFault(
    await ctx.reference<SettingRow>('settings', GATEWAY),
    attempt,
    'PaymentGateway',
  );
  if (fault) return { ok: false, ...fault };
  const customers = ctx.table<CustomerRow>('customers');
  const customer = await customers.get(order.customerId);
  if (!customer) return failure('UnknownCustomer', `no customer ${order.customerId}`);
  if (customer.cardDeclined) return failure('CardDeclined', `${customer.id}'s card was declined`);
  if (customer.credit < order.total)
    return failure('InsufficientCredit', `${customer.id} has ${customer.credit}, needs ${order.total}`);
  await customers.put({ ...customer, credit: customer.credit - order.total });
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
  return { ok: true, facts: { paymentId: payment.id, amount: payment.amount } };
}

async function refund(ctx: HandlerContext, orderId: string): Promise<Outcome<{ refunded: string[] }>> {
  const fault = compensationFault(await ctx.reference<SettingRow>('settings', GATEWAY), 'PaymentGateway');
  if (fault) return { ok: false, ...fault };
  const payments = ctx.table<PaymentRow>('payments');
  const customers = ctx.table<CustomerRow>('customers');
  const charged = await payments
    .where('orderId')
    .equals(orderId)
    .filter((p) => p.status === 'CHARGED')
    .toArray();
  for (const payment of charged) {
    await payments.put({ ...payment, status: 'REFUNDED' });
    const customer = await customers.get(payment.customerId);
    if (customer) await customers.put({ ...customer, credit: customer.credit + payment.amount });
  }
  return { ok: true, facts: { refunded: charged.map((p) => p.id) } };
}

/** Choreography: a transient fault is thrown (the broker retries); a business "no" is an event. */
async function chargeOnEvent(ctx: HandlerContext, order: OrderFacts): Promise<string> {
  // The order's payment was refunded already: a late OrderCreated (a republish the inbox cannot recognise) charges nothing.
  const refused = await refusedByLock(ctx, STEP, order.orderId, 'OrderCreated');
  if (refused) return `refused: ${refused}`;
  const outcome = await charge(ctx, order, ctx.attempt);
  if (!outcome.ok && !['CardDeclined', 'InsufficientCredit', 'UnknownCustomer'].includes(outcome.errorType))
    throw new TransientError(outcome);
  if (outcome.ok) {
    ctx.emit('PaymentCompleted', order.orderId, { ...order, ...outcome.facts });
    return `charged ${outcome.facts.amount} as ${outcome.facts.paymentId}`;
  }
  ctx.emit('PaymentFailed', order.orderId, {
    orderId: order.orderId,
    errorType: outcome.errorType,
    message: outcome.message,
  });
  return `payment failed: ${outcome.message}`;
}

async function refundOnEvent(ctx: HandlerContext, event: { subject: string; type: string }): Promise<string> {
  if (!choreographed(ctx)) return IGNORED_ORCHESTRATED;
  const outcome = await refund(ctx, event.subject);
  if (!outcome.ok) throw new TransientError(outcome);
  await lockAfterCompensation(ctx, {
    step: STEP,
    orderId: event.subject,
    compensation: `refund on ${event.type}`,
    undid: outcome.facts.refunded,
  });
  ctx.emit('PaymentRefunded', event.subject, { orderId: event.subject, ...outcome.facts });
  return `refunded ${outcome.facts.refunded.length} payment(s)`;
}

export const paymentService: ServiceDefinition = {
  name: 'payment',
  aggregateType: 'Payment',
  tables: {
    payments: 'id, orderId, idempotencyKey',
    customers: 'id',
    settings: 'key',
    ...PARTICIPANT_TABLES,
    ...SEMANTIC_LOCK_TABLES,
  },
  consumes: ['order-events', 'inventory-events', 'payment-commands', 'payment-compensations'],
  reference: ['settings'],
  editable: ['customers', 'settings'],
  conserved: { customers: ['credit'] },
  async seed(ctx) {
    await ctx.table<CustomerRow>('customers').bulkPut(CUSTOMERS.map((c) => ({ ...c })));
    await ctx
      .table<SettingRow>('settings')
      .put({ key: GATEWAY, failFirstAttempts: 0, offline: false, compensationFails: false });
  },
  endpoints: {
    charge: (p, input) => p.transaction((ctx) => charge(ctx, input as OrderFacts, 1)),
    ...participantEndpoints({
      resources: (order) => [`credit:${order.customerId}`],
      async check(ctx, order) {
        const customer = await ctx.table<CustomerRow>('customers').get(order.customerId);
        if (!customer) return `no customer ${order.customerId}`;
        if (customer.cardDeclined) return `${customer.id}'s card was declined`;
        return customer.credit < order.total
          ? `${customer.id} has ${customer.credit}, needs ${order.total}`
          : null;
      },
      apply: async (ctx, order) => void (await charge(ctx, order, Infinity)),
    }),
  },
  // The lock and the customer each charge reads (its idempotency lookup is by index, read as it comes).
  readAhead: {
    OrderCreated: (event) => chargeReads(event.data as OrderFacts),
    ProcessPayment: (event) => chargeReads(commandOrder(event)),
  },
  handlers: {
    OrderCreated: (ctx, event) =>
      choreographed(ctx)
        ? chargeOnEvent(ctx, event.data as OrderFacts)
        : Promise.resolve(IGNORED_ORCHESTRATED),
    InventoryReservationFailed: refundOnEvent,
    InventoryReleased: refundOnEvent,
    ProcessPayment: lockedStep(STEP, (ctx, c) => charge(ctx, c.order, c.attempt), [
      'PaymentCompleted',
      'PaymentFailed',
    ]),
    RefundPayment: lockingCompensation(
      STEP,
      (ctx, c) => refund(ctx, c.order.orderId),
      (f) => f.refunded,
      ['PaymentRefunded', 'PaymentRefundFailed'],
    ),
  },
};
