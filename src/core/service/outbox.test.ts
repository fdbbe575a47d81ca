import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import type { OrderRow, OutboxRow, PaymentRow } from '../rows';
import { paymentService } from '../services/payment';
import type { ServiceDefinition } from './definition';

let h: Harness;
afterEach(() => h?.close());

const order = { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] };

async function startAll(overrides: Partial<Record<string, ServiceDefinition>> = {}) {
  h = createHarness();
  await h.startBroker({ maxAttempts: 3, retryBackoffMs: 5 });
  for (const name of ['order', 'payment', 'inventory', 'shipping'] as const)
    await h.startService(overrides[name] ?? name);
}

describe('transactional outbox', () => {
  it('a handler that throws leaves no business, inbox or outbox row, and is dead-lettered after its retries', async () => {
    const throwing: ServiceDefinition = {
      ...paymentService,
      handlers: {
        ...paymentService.handlers,
        async OrderCreated(ctx, event) {
          await paymentService.handlers.OrderCreated(ctx, event); // writes a payment and emits PaymentCompleted
          throw new Error('card processor exploded');
        },
      },
    };
    await startAll({ payment: throwing });
    await h.service('order').command('placeOrder', order);
    await h.settle();

    const payment = await h.service('payment').dump();
    expect(payment.payments).toEqual([]);
    expect(payment.inbox).toEqual([]);
    expect(payment.outbox).toEqual([]);
    const failures = h.facts.filter((f) => f.kind === 'handler-failed');
    expect(failures).toHaveLength(3);
    expect(h.facts.filter((f) => f.kind === 'dead-lettered')).toHaveLength(1);
    expect(h.broker().stats().deadLetters).toBe(1);
  });

  it('a command that throws commits nothing', async () => {
    await startAll();
    await expect(
      h.service('order').command('placeOrder', { customerId: 'x', items: null }),
    ).rejects.toThrow();
    const dump = await h.service('order').dump();
    expect(dump.orders).toEqual([]);
    expect(dump.outbox).toEqual([]);
  });

  it('a crash before commit leaves nothing of the step behind', async () => {
    await startAll();
    h.arm('order', 'before-commit');
    await expect(h.service('order').command('placeOrder', order)).rejects.toThrow(/before-commit/);
    const dump = await h.read('order');
    expect(dump.orders).toEqual([]);
    expect(dump.outbox).toEqual([]);
  });

  it('runs the choreography to COMPLETED with exactly one payment per order', async () => {
    await startAll();
    const ids = await Promise.all(
      Array.from({ length: 20 }, () => h.service('order').command('placeOrder', order)),
    );
    await h.settle();
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders.map((o) => o.status)).toEqual(new Array(20).fill('COMPLETED'));
    const payments = (await h.service('payment').dump()).payments as unknown as PaymentRow[];
    expect(payments.map((p) => p.orderId).sort()).toEqual([...(ids as string[])].sort());
    for (const name of ['order', 'payment', 'inventory', 'shipping'] as const) {
      const outbox = (await h.service(name).dump()).outbox as unknown as OutboxRow[];
      expect(outbox.every((row) => row.published_at !== null)).toBe(true);
    }
  });

  it('relays at least once across a crash between publish and mark', async () => {
    await startAll();
    h.arm('order', 'relay-after-publish-before-mark');
    const id = (await h.service('order').command('placeOrder', order)) as string;
    await expect.poll(() => h.service('order').crash.dead).toBe(true);
    const before = (await h.read('order')).outbox as unknown as OutboxRow[];
    expect(before).toHaveLength(1);
    expect(before[0].published_at).toBeNull(); // published, but the mark never committed

    await h.startService('order');
    await h.settle();
    const created = h
      .broker()
      .stats()
      .partitions.filter((p) => p.topic === 'order-events')
      .reduce((n, p) => n + p.endOffset, 0);
    expect(created).toBe(2); // the same event, published twice
    const payment = await h.service('payment').dump();
    expect((payment.payments as unknown as PaymentRow[]).filter((p) => p.orderId === id)).toHaveLength(1);
    expect(payment.meta).toContainEqual({ key: 'duplicatesSkipped', value: 1 });
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders[0].status).toBe('COMPLETED');
  });
});

describe('editing business data', () => {
  it('writes editable rows and refuses other tables', async () => {
    await startAll();
    await h.service('inventory').editRow('stock', { sku: 'SKU-BOOK', available: 0, reserved: 0 });
    expect((await h.read('inventory')).stock).toContainEqual({ sku: 'SKU-BOOK', available: 0, reserved: 0 });
    await expect(h.service('inventory').editRow('reservations', { id: 'x' })).rejects.toThrow(/not editable/);
  });
});

describe('dual write (the approach the outbox replaces)', () => {
  it('loses the event when the service dies between commit and publish; the outbox does not', async () => {
    for (const publishing of ['dual-write', 'outbox'] as const) {
      h = createHarness();
      await h.startBroker();
      for (const name of ['order', 'payment', 'inventory', 'shipping'] as const)
        await h.startService(name, { publishing });
      h.arm('order', 'after-commit-before-publish');
      await expect(h.service('order').command('placeOrder', order)).rejects.toThrow(
        /after-commit-before-publish/,
      );
      await h.startService('order', { publishing });
      await h.settle();
      const orders = (await h.read('order')).orders as unknown as OrderRow[];
      expect(orders).toHaveLength(1);
      expect(orders[0].status).toBe(publishing === 'outbox' ? 'COMPLETED' : 'PENDING');
      const orderEvents = h
        .broker()
        .stats()
        .partitions.filter((p) => p.topic === 'order-events')
        .reduce((n, p) => n + p.endOffset, 0);
      expect(orderEvents).toBe(publishing === 'outbox' ? 1 : 0);
      h.close();
    }
  });
});

describe('hand edits and conservation', () => {
  it('an edit moves the baseline with the field, so the checker sees a deposit, not a leak', async () => {
    await startAll();
    await h.service('payment').editRow('customers', { id: 'alice', credit: 40, cardDeclined: false });
    await h.service('order').command('placeOrder', order); // 25 from alice
    await h.settle();
    const dump = await h.read('payment');
    expect(dump.meta).toContainEqual({ key: 'baseline:customers:alice:credit', value: 40 });
    expect(dump.customers).toContainEqual({ id: 'alice', credit: 15, cardDeclined: false });
  });
});
