import { describe, expect, it } from 'vitest';
import { checkInvariants } from './invariants';
import { invariantPromise } from './invariantCatalogue';
import { OUTBOX_WATERMARK_KEY } from './service/outboxWatermark';
import { outboxRow } from '../test/outboxRows';

const order = (id: string, status: string) => ({
  id,
  customerId: 'c',
  total: 1,
  items: [],
  status,
  created_at: 0,
});
const payment = (id: string, orderId: string) => ({
  id,
  orderId,
  customerId: 'c',
  amount: 5,
  status: 'CHARGED',
  idempotencyKey: `payment-${orderId}`,
  created_at: 0,
});
/** An outbox row as the database holds it: never written after its insert, so never marked. */
const outbox = (id: string, seq: number) => ({ ...outboxRow(id, { seq, aggregateid: 'o1' }) });
/** The polling relay's watermark: every row at or below `seq` is published. */
const watermark = (seq: number) => ({ key: OUTBOX_WATERMARK_KEY, value: { seq, at: 9 } });

describe('invariants', () => {
  it('flags an order charged twice, settled or not', () => {
    const snapshot = {
      services: { payment: { payments: [payment('p1', 'o1'), payment('p2', 'o1'), payment('p3', 'o2')] } },
    };
    const found = checkInvariants(snapshot, { settled: false });
    expect(found.map((a) => a.invariant)).toEqual(['no-double-charge']);
    expect(found[0].message).toContain('o1');
  });

  it('flags unpublished outbox rows and pending orders only once settled', () => {
    const snapshot = {
      services: {
        order: {
          orders: [order('o1', 'PENDING'), order('o2', 'COMPLETED')],
          outbox: [outbox('e1', 1), outbox('e2', 2)],
          meta: [watermark(1)],
        },
      },
    };
    expect(checkInvariants(snapshot, { settled: false })).toEqual([]);
    expect(
      checkInvariants(snapshot, { settled: true })
        .map((a) => a.invariant)
        .sort(),
    ).toEqual(['no-event-lost', 'no-order-stuck']);
  });

  it('reads what the polling relay published from its watermark, not from a published_at column', () => {
    const lost = (outboxRows: unknown[], meta: unknown[]) =>
      checkInvariants({ services: { order: { outbox: outboxRows, meta } } } as never, { settled: true }).map(
        (a) => a.message,
      );
    // No watermark yet: nothing was published, whatever a row says.
    expect(lost([{ ...outbox('e1', 1), published_at: 5 }], [])).toEqual([
      expect.stringContaining('outbox row e1'),
    ]);
    expect(lost([outbox('e1', 1), outbox('e2', 2)], [watermark(2)])).toEqual([]);
    expect(lost([outbox('e1', 1), outbox('e2', 2)], [watermark(1)])).toEqual([
      expect.stringContaining('outbox row e2'),
    ]);
  });

  it('finds nothing in a consistent system', () => {
    const snapshot = {
      services: {
        order: { orders: [order('o1', 'COMPLETED')], outbox: [outbox('e1', 3)], meta: [watermark(3)] },
        payment: { payments: [payment('p1', 'o1')] },
      },
    };
    expect(checkInvariants(snapshot, { settled: true })).toEqual([]);
  });
});

describe('saga invariants', () => {
  const saga = (status: string, skipped: string[] = []) => ({
    id: 's1',
    orderId: 'o1',
    status,
    state: '',
    step: null,
    completed: ['createOrder'],
    compensated: [],
    skipped,
    pending: [],
    failure: null,
    stuckReason: 'ReleaseInventory failed',
    history: [],
    snapshot: null,
    created_at: 0,
    updated_at: 0,
  });

  it('flags a saga that has not ended after settle', () => {
    const snapshot = {
      services: { orchestrator: { sagas: [saga('STUCK')] }, order: { orders: [order('o1', 'PENDING')] } },
    };
    expect(checkInvariants(snapshot, { settled: true }).map((a) => a.invariant)).toEqual([
      'no-order-stuck',
      'saga-terminal',
    ]);
  });

  const reservation = (status: string) => ({ id: 'r1', orderId: 'o1', items: [], status, created_at: 0 });
  const shipment = (status: string) => ({ id: 'sh1', orderId: 'o1', status, created_at: 0 });
  const refunded = { ...payment('p1', 'o1'), status: 'REFUNDED' };

  it('flags a completed order whose payment was refunded and whose stock and shipment were undone, at any consistent moment', () => {
    const snapshot = {
      services: {
        order: { orders: [order('o1', 'COMPLETED')] },
        payment: { payments: [refunded] },
        inventory: { reservations: [reservation('RELEASED')] },
        shipping: { shipments: [shipment('CANCELLED')] },
      },
    };
    expect(checkInvariants(snapshot, { settled: false })).toEqual([]);
    const found = checkInvariants(snapshot, { settled: false, consistent: true });
    expect(found.map((a) => a.invariant)).toEqual(['completed-order-whole']);
    expect(found[0].message).toBe(
      'Order o1 is COMPLETED with no charge, 1 payment(s) refunded, no stock reservation, no scheduled shipment.',
    );
    const whole = {
      ...snapshot.services,
      payment: { payments: [payment('p1', 'o1')] },
      inventory: { reservations: [reservation('RESERVED')] },
      shipping: { shipments: [shipment('SCHEDULED')] },
    };
    expect(checkInvariants({ services: whole }, { settled: true })).toEqual([]);
  });

  it('flags an ended saga whose order ended the other way, and a closed order whose saga ended otherwise', () => {
    const stuckOnCompleted = {
      services: { orchestrator: { sagas: [saga('STUCK')] }, order: { orders: [order('o1', 'COMPLETED')] } },
    };
    expect(
      checkInvariants(stuckOnCompleted, { settled: false, consistent: true }).map((a) => a.invariant),
    ).toEqual(['saga-agrees-with-order']);
    const compensatedButCompleted = {
      services: {
        orchestrator: { sagas: [saga('COMPENSATED')] },
        order: { orders: [order('o1', 'COMPLETED')] },
      },
    };
    expect(checkInvariants(compensatedButCompleted, { settled: false, consistent: true })[0].message).toBe(
      'Saga s1 is COMPENSATED, but its order o1 is COMPLETED.',
    );
    const running = {
      services: { orchestrator: { sagas: [saga('RUNNING')] }, order: { orders: [order('o1', 'PENDING')] } },
    };
    expect(checkInvariants(running, { settled: false, consistent: true })).toEqual([]);
  });

  it('flags a compensated saga that skipped a step, and a cancelled order whose charge stands', () => {
    const snapshot = {
      services: {
        orchestrator: { sagas: [saga('COMPENSATED', ['reserveInventory'])] },
        order: { orders: [order('o1', 'CANCELLED')] },
        payment: { payments: [payment('p1', 'o1')] },
      },
    };
    const found = checkInvariants(snapshot, { settled: true });
    expect(found.map((a) => a.invariant)).toEqual(['saga-fully-compensated', 'saga-fully-compensated']);
    expect(found[1].message).toContain('charge p1');
  });
});

describe('dual write', () => {
  it('flags an order whose event never reached the broker, using the broker log as witness', () => {
    const snapshot = {
      services: { order: { orders: [order('o1', 'PENDING'), order('o2', 'COMPLETED')], outbox: [] } },
      broker: { subjects: { 'order-events': ['o2'] } },
    };
    const found = checkInvariants(snapshot, { settled: true });
    expect(found.map((a) => a.invariant).sort()).toEqual(['no-event-lost', 'no-order-stuck']);
    expect(found.find((a) => a.invariant === 'no-event-lost')!.message).toContain('o1');
  });
});

describe('conservation', () => {
  const meta = (entries: Record<string, number>) =>
    Object.entries(entries).map(([key, value]) => ({ key, value }));

  it('holds when credit plus charges match the baseline, and flags money that vanished', () => {
    const payments = [payment('p1', 'o1')]; // 5 charged to customer c
    const ok = {
      services: {
        payment: {
          payments,
          customers: [{ id: 'c', credit: 95, cardDeclined: false }],
          meta: meta({ 'baseline:customers:c:credit': 100 }),
        },
      },
    };
    expect(checkInvariants(ok, { settled: true })).toEqual([]);
    const leak = {
      services: {
        payment: {
          payments,
          customers: [{ id: 'c', credit: 90, cardDeclined: false }],
          meta: meta({ 'baseline:customers:c:credit': 100 }),
        },
      },
    };
    expect(checkInvariants(leak, { settled: true }).map((a) => a.invariant)).toEqual(['money-conserved']);
  });

  it('flags stock that does not add up, or reserved counts no reservation backs', () => {
    const reservations = [
      { id: 'r1', orderId: 'o1', items: [{ sku: 'S', qty: 2 }], status: 'RESERVED', created_at: 0 },
    ];
    const base = meta({ 'baseline:stock:S:available': 10, 'baseline:stock:S:reserved': 0 });
    const ok = {
      services: { inventory: { stock: [{ sku: 'S', available: 8, reserved: 2 }], reservations, meta: base } },
    };
    expect(checkInvariants(ok, { settled: true })).toEqual([]);
    const lost = {
      services: { inventory: { stock: [{ sku: 'S', available: 7, reserved: 2 }], reservations, meta: base } },
    };
    expect(checkInvariants(lost, { settled: true }).map((a) => a.invariant)).toEqual(['stock-conserved']);
    const orphan = {
      services: {
        inventory: { stock: [{ sku: 'S', available: 8, reserved: 2 }], reservations: [], meta: base },
      },
    };
    expect(checkInvariants(orphan, { settled: true }).map((a) => a.invariant)).toEqual(['stock-conserved']);
  });
});

describe('invariantPromise', () => {
  it('speaks of an outbox row only in a run that has an outbox', () => {
    expect(invariantPromise('no-event-lost')).toContain('outbox row');
    expect(invariantPromise('no-event-lost', { publishing: 'outbox' })).toContain('outbox row');
    const dual = invariantPromise('no-event-lost', { publishing: 'dual-write' });
    expect(dual).not.toContain('outbox row');
    expect(dual).toContain('reached the broker');
    expect(invariantPromise('no-double-charge', { publishing: 'dual-write' })).toBe(
      'An order is charged at most once.',
    );
  });
});
