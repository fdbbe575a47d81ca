// The "before" approach without messaging: the order service calls payment,
// inventory and shipping in turn and waits for each. There is no compensation
// and no recovery: a failure (or a crash) after the charge leaves the customer
// charged with nothing reserved — the seed's distributed-transaction problem.

import type { Procedure } from '../service/definition';
import type { OrderRow } from '../rows';
import type { PlaceOrder } from './order';
import { priceOf } from './catalog';
import type { OrderFacts, Outcome } from './sagaMessages';

export const placeOrderDirect: Procedure = async (p, input) => {
  const { customerId, items, total, region } = input as PlaceOrder;
  const order = await p.transaction(async (ctx) => {
    const row: OrderRow = {
      id: ctx.newId('o'),
      customerId,
      items,
      region: region ?? 'EU',
      total: total ?? priceOf(items),
      status: 'PENDING',
      created_at: ctx.now,
    };
    await ctx.table<OrderRow>('orders').add(row);
    return row;
  });
  const facts: OrderFacts = {
    orderId: order.id,
    customerId,
    items,
    total: order.total,
    region: order.region,
  };
  const close = (status: OrderRow['status']) =>
    p.transaction(async (ctx) => {
      const orders = ctx.table<OrderRow>('orders');
      await orders.put({ ...(await orders.get(order.id))!, status });
    });

  const charged = await p.call<Outcome>('payment', 'charge', facts);
  if (!charged.ok) {
    await close('CANCELLED');
    return order.id;
  }
  p.crashPoint('direct-after-charge');
  // From here on a "no" has nobody to undo the charge.
  for (const [service, endpoint] of [
    ['inventory', 'reserve'],
    ['shipping', 'schedule'],
  ] as const) {
    const outcome = await p.call<Outcome>(service, endpoint, facts);
    if (!outcome.ok) {
      await close('CANCELLED');
      return order.id;
    }
  }
  await close('COMPLETED');
  return order.id;
};
