// Test code: shop-shaped facts by the thousand, for the history's bench and
// its tests — an order's commit (the order and its outbox row), its broker
// record, the payment's handling commit (inbox and payment rows), and the
// consumer's offset, every order at its own arrival time. The topic's row
// comes with the first record.

import type { Fact } from '../core/telemetry';

/** The topic the orders' records go to, created with the first of them. */
const ORDER_EVENTS = {
  table: 'topics',
  op: 'put',
  key: 'order.events',
  row: { name: 'order.events', partitions: 4 },
} as const;

/** Four facts per order, all at the order's arrival time (in ms); `from`: the first order's number. */
export function* shopFacts(
  orders: number,
  ordersPerSecond: number,
  from = 0,
): Generator<{ fact: Fact; at: number }> {
  for (let i = from; i < from + orders; i++) {
    const at = Math.floor((i * 1000) / ordersPerSecond);
    const id = `evt-${i}`;
    const event = { id, type: 'OrderCreated', subject: `o-${i}`, source: 'order', data: { total: 12 } };
    yield {
      at,
      fact: {
        kind: 'commit',
        service: 'order',
        changes: [
          { table: 'orders', op: 'put', key: `o-${i}`, row: { id: `o-${i}`, status: 'PENDING', total: 12 } },
          {
            table: 'outbox',
            op: 'put',
            key: i + 1,
            row: { seq: i + 1, id, type: 'OrderCreated', published_at: null },
          },
        ],
      },
    };
    yield {
      at,
      fact: {
        kind: 'broker-commit',
        changes: [
          ...(i === 0 ? [ORDER_EVENTS] : []),
          {
            table: 'log',
            op: 'put',
            key: ['order.events', i % 4, i >> 2],
            row: { topic: 'order.events', partition: i % 4, offset: i >> 2, event, appended_at: at },
          },
        ],
      },
    };
    yield {
      at,
      fact: {
        kind: 'commit',
        service: 'payment',
        changes: [
          {
            table: 'inbox',
            op: 'put',
            key: id,
            row: { message_id: id, processed_at: at, result: 'ok', type: 'OrderCreated' },
          },
          {
            table: 'payments',
            op: 'put',
            key: `p-${i}`,
            row: { id: `p-${i}`, orderId: `o-${i}`, amount: 12 },
          },
        ],
      },
    };
    yield {
      at,
      fact: {
        kind: 'broker-commit',
        changes: [
          {
            table: 'offsets',
            op: 'put',
            key: ['payment', 'order.events', i % 4],
            row: { group: 'payment', topic: 'order.events', partition: i % 4, committed: (i >> 2) + 1 },
          },
        ],
      },
    };
  }
}
