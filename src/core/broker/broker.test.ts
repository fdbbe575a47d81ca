import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import type { OrderRow, PaymentRow } from '../rows';

let h: Harness;
afterEach(() => h?.close());

const order = { customerId: 'carol', items: [{ sku: 'SKU-LAMP', qty: 1 }] };

async function startAll() {
  h = createHarness();
  await h.startBroker();
  for (const name of ['order', 'payment', 'inventory', 'shipping'] as const) await h.startService(name);
}

describe('broker', () => {
  it('redelivers to a consumer group what a crashed consumer committed but never acknowledged', async () => {
    await startAll();
    h.arm('payment', 'consumer-after-commit-before-ack');
    await h.service('order').command('placeOrder', order);
    await expect.poll(() => h.service('payment').crash.dead).toBe(true);
    const committedBefore = h
      .broker()
      .stats()
      .groups.filter((g) => g.group === 'payment' && g.topic === 'order-events');
    expect(committedBefore.reduce((n, g) => n + g.lag, 0)).toBe(1); // delivered, handled, never acknowledged

    await h.startService('payment');
    await h.settle();
    const payments = (await h.service('payment').dump()).payments as unknown as PaymentRow[];
    expect(payments).toHaveLength(1);
    expect(h.facts.filter((f) => f.kind === 'duplicate' && f.service === 'payment')).toHaveLength(1);
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders[0].status).toBe('COMPLETED');
  });

  it('keeps committed offsets across a broker restart, so nothing is delivered again', async () => {
    await startAll();
    for (let i = 0; i < 5; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    const before = h
      .broker()
      .stats()
      .groups.map((g) => [g.group, g.topic, g.partition, g.committed]);
    expect(before.some(([, , , committed]) => (committed as number) > 0)).toBe(true);

    h.kill('broker');
    await h.startBroker();
    // Services hear broker.up and subscribe again; the new broker must resume from the stored offsets.
    await h.settle();
    const after = h
      .broker()
      .stats()
      .groups.map((g) => [g.group, g.topic, g.partition, g.committed]);
    expect(after.sort()).toEqual(before.sort());
    expect(h.facts.filter((f) => f.kind === 'duplicate')).toHaveLength(0);
  });

  it('keeps records published while a consumer is down and delivers them when it returns', async () => {
    await startAll();
    h.kill('shipping');
    for (let i = 0; i < 3; i++) await h.service('order').command('placeOrder', order);
    await expect
      .poll(() =>
        h
          .broker()
          .stats()
          .groups.filter((g) => g.group === 'shipping')
          .reduce((n, g) => n + g.lag, 0),
      )
      .toBe(3);
    await h.startService('shipping');
    await h.settle();
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders.map((o) => o.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
  });
});

describe('consumer sessions', () => {
  it('drops a member that stopped beating, rewinding what it held, and hands it back when it rejoins', async () => {
    h = createHarness();
    // Clients beat every second; a member silent for 1.5 s is gone.
    await h.startBroker({ sessionTimeoutMs: 1500 });
    for (const name of ['order', 'payment', 'inventory', 'shipping'] as const) await h.startService(name);
    const members = () =>
      h
        .broker()
        .stats()
        .groups.filter((g) => g.group === 'shipping')
        .map((g) => g.member);
    await expect.poll(() => members().length > 0 && members().every((m) => m === 'shipping')).toBe(true);
    h.kill('shipping');
    await expect.poll(() => members().every((m) => m === null), { timeout: 5000 }).toBe(true);
    await h.service('order').command('placeOrder', order);
    await expect
      .poll(() =>
        h
          .broker()
          .stats()
          .groups.filter((g) => g.group === 'shipping')
          .reduce((n, g) => n + g.lag, 0),
      )
      .toBe(1);
    expect(
      h
        .broker()
        .stats()
        .groups.filter((g) => g.group === 'shipping')
        .reduce((n, g) => n + g.inflight, 0),
    ).toBe(0);
    await h.startService('shipping');
    await h.settle();
    expect(
      h
        .broker()
        .stats()
        .groups.filter((g) => g.group === 'shipping')
        .every((g) => g.member === 'shipping'),
    ).toBe(true);
  });
});

describe('broker outage', () => {
  it('refused publishes leave the rows in the outbox until the broker takes them', async () => {
    await startAll();
    h.broker().faults.refusePublishes(3);
    await h.service('order').command('placeOrder', order);
    await h.settle();
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders[0].status).toBe('COMPLETED');
    const created = h
      .broker()
      .stats()
      .partitions.filter((p) => p.topic === 'order-events')
      .reduce((n, p) => n + p.endOffset, 0);
    expect(created).toBe(1); // refused three times, then taken once: nothing lost, nothing doubled
  });
});

describe('delayed delivery', () => {
  it('holds one partition back while the others go ahead, and loses nothing', async () => {
    await startAll();
    h.broker().faults.delayNext('payment', 'OrderCreated', 300);
    for (let i = 0; i < 6; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders.map((o) => o.status)).toEqual(new Array(6).fill('COMPLETED'));
    const payments = (await h.service('payment').dump()).payments as unknown as PaymentRow[];
    const charged = [...payments].sort((a, b) => a.created_at - b.created_at).map((p) => p.orderId);
    const placed = [...orders].sort((a, b) => a.created_at - b.created_at).map((o) => o.id);
    expect(charged).not.toEqual(placed); // the held-back partition's orders were charged after later ones
  });
});
