import { describe, expect, it } from 'vitest';
import type { ChangeOp, ChangeRecord } from './changeEvent';
import { routeChange } from './router';

function record(
  table: string,
  op: ChangeOp,
  key: unknown,
  before: object | null,
  after: object | null,
  sequence = 7,
): ChangeRecord {
  return {
    key,
    value: {
      op,
      before: before as never,
      after: after as never,
      ts_ms: 1_000,
      source: { service: 'order', table, txId: 'tx-1', sequence },
    },
  };
}

const outboxRow = {
  seq: 3,
  id: 'msg-1',
  aggregatetype: 'Order',
  aggregateid: 'o1',
  type: 'OrderCreated',
  payload: { orderId: 'o1', total: 10 },
  correlationid: 'corr-1',
  causationid: 'cause-1',
  created_at: 2_000,
  published_at: null,
};

describe('table change router', () => {
  it('routes to <service>.<table>, keyed by primary key, with id <service>.<table>:<seq>', () => {
    const routed = routeChange(
      record('orders', 'u', 'o1', { id: 'o1', status: 'PENDING' }, { id: 'o1', status: 'COMPLETED' }),
    );
    expect(routed.kind).toBe('message');
    if (routed.kind !== 'message') return;
    const { topic, key, event } = routed.message;
    expect([topic, key, event.id, event.subject, event.type]).toEqual([
      'order.orders',
      'o1',
      'order.orders:7',
      'o1',
      'orders.updated',
    ]);
    expect(event.data).toMatchObject({
      op: 'u',
      before: { status: 'PENDING' },
      after: { status: 'COMPLETED' },
    });
  });

  it('turns a non-string key into a string, and keeps snapshot ids unique per row', () => {
    const routed = routeChange(record('stock', 'r', ['SKU-1', 2], null, { sku: 'SKU-1' }));
    expect(routed).toMatchObject({
      kind: 'message',
      message: { key: '["SKU-1",2]', event: { id: 'order.stock:7:snapshot:["SKU-1",2]' } },
    });
  });
});

describe('outbox event router', () => {
  it('routes an outbox insert to outbox.event.<aggregatetype>, keyed by aggregateid, with the row id as message id', () => {
    const routed = routeChange(record('outbox', 'c', 3, null, outboxRow));
    expect(routed).toEqual({
      kind: 'message',
      message: {
        topic: 'outbox.event.Order',
        key: 'o1',
        event: {
          specversion: '1.0',
          datacontenttype: 'application/json',
          id: 'msg-1',
          source: '/services/order',
          type: 'OrderCreated',
          subject: 'o1',
          time: new Date(2_000).toISOString(),
          data: { orderId: 'o1', total: 10 },
          correlationid: 'corr-1',
          causationid: 'cause-1',
        },
      },
    });
  });

  it('warns on an outbox update instead of routing it', () => {
    const routed = routeChange(record('outbox', 'u', 3, outboxRow, { ...outboxRow, published_at: 5 }));
    expect(routed.kind).toBe('warning');
    if (routed.kind === 'warning') expect(routed.warning).toMatch(/outbox row 3 of order was updated/);
  });

  it('ignores an outbox delete', () => {
    expect(routeChange(record('outbox', 'd', 3, outboxRow, null))).toEqual({ kind: 'skip' });
  });
});
