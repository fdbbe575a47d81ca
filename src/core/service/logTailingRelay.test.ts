import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import type { ChangeRow } from '../cdc/changeEvent';
import { checkInvariants } from '../invariants';
import type { MetaRow, OrderRow, OutboxRow, PaymentRow } from '../rows';
import { PACES } from './pace';
import { RELAY_POSITION_KEY } from './serviceDb';

let h: Harness;
afterEach(() => h?.close());

const SHOP = ['order', 'payment', 'inventory', 'shipping'] as const;
const LOG_TAILING = { relay: { ...PACES.fast.relay, mode: 'log-tailing' as const } };
const order = { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] };

async function startShop() {
  h = createHarness();
  await h.startBroker({ maxAttempts: 3, retryBackoffMs: 5 });
  for (const name of SHOP) await h.startService(name, LOG_TAILING);
}

async function snapshot() {
  const services = Object.fromEntries(
    await Promise.all(SHOP.map(async (s) => [s, await h.read(s)] as const)),
  );
  return { services } as Parameters<typeof checkInvariants>[0];
}

const positionOf = (meta: MetaRow[]) =>
  (meta.find((m) => m.key === RELAY_POSITION_KEY)?.value as unknown as { seq: number })?.seq;

describe('log-tailing outbox relay', () => {
  it('completes orders without touching the outbox after the insert: rows stay unmarked, the position moves', async () => {
    await startShop();
    for (let i = 0; i < 5; i++) await h.service('order').command('placeOrder', order);
    await h.settle();

    const dump = await h.read('order');
    expect((dump.orders as unknown as OrderRow[]).map((o) => o.status)).toEqual(Array(5).fill('COMPLETED'));
    const outbox = dump.outbox as unknown as OutboxRow[];
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((row) => row.published_at === null)).toBe(true);
    const changes = dump.changes as unknown as ChangeRow[];
    expect(changes.map((c) => c.op)).toEqual(Array(outbox.length).fill('c'));
    expect(positionOf(dump.meta as unknown as MetaRow[])).toBe(Math.max(...changes.map((c) => c.seq!)));
    // Debezium's topic naming, and the inbox ids are the outbox ids.
    const topics = h
      .broker()
      .stats()
      .partitions.map((p) => p.topic);
    expect(topics).toContain('outbox.event.Order');
    expect(topics).not.toContain('order-events');
    const paymentInbox = (await h.read('payment')).inbox.map((r) => r.message_id);
    expect(paymentInbox).toEqual(
      expect.arrayContaining(outbox.filter((r) => r.type === 'OrderCreated').map((r) => r.id)),
    );
    expect(checkInvariants(await snapshot(), { settled: true })).toEqual([]);
  });

  it('crashed after publishing and before storing its position, it publishes again on restart; the inbox drops the repeat', async () => {
    await startShop();
    h.arm('payment', 'relay-after-publish-before-mark');
    await h.service('order').command('placeOrder', order);
    await waitFor(() => h.facts.some((f) => f.kind === 'crashed' && f.process === 'payment'));
    await h.startService('payment', LOG_TAILING);
    await h.settle();

    const payments = (await h.read('payment')).payments as unknown as PaymentRow[];
    expect(payments).toHaveLength(1);
    expect((await h.read('order')).orders.map((o) => o.status)).toEqual(['COMPLETED']);
    const skipped = (await h.read('inventory')).meta.find((m) => m.key === 'duplicatesSkipped')?.value;
    expect(skipped).toBeGreaterThan(0);
    expect(checkInvariants(await snapshot(), { settled: true })).toEqual([]);
  });

  it('with a retention of 0 deletes each outbox row once published (Debezium’s insert-then-delete), and the router skips the deletes', async () => {
    h = createHarness();
    await h.startBroker({ maxAttempts: 3, retryBackoffMs: 5 });
    const retention = { publishedOutboxMs: 0, brokerLogMs: 60_000 };
    for (const name of SHOP) await h.startService(name, { ...LOG_TAILING, retention });
    for (let i = 0; i < 3; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    await h.service('order').command('placeOrder', order); // one more pass of the order relay prunes what the last one published
    await h.settle();

    const dump = await h.read('order');
    expect((dump.orders as unknown as OrderRow[]).map((o) => o.status)).toEqual(Array(4).fill('COMPLETED'));
    expect(dump.outbox.length).toBeLessThan(4);
    const ops = (dump.changes as unknown as ChangeRow[]).map((c) => c.op);
    expect(ops).toContain('d');
    expect(h.facts.filter((f) => f.kind === 'relay-warning')).toEqual([]);
    expect(checkInvariants(await snapshot(), { settled: true })).toEqual([]);
  });

  it('reports an outbox update as a warning, ignores a delete, and the checker sees a change it never published', async () => {
    await startShop();
    await h.service('order').command('placeOrder', order);
    await h.settle();
    const order1 = h.service('order');
    const [row] = (await order1.dump()).outbox as unknown as OutboxRow[];
    await order1.db.table('outbox').update(row.seq!, { published_at: 1 });
    await order1.db.table('outbox').delete(row.seq!);
    await waitFor(() => h.facts.some((f) => f.kind === 'relay-warning'));
    await h.settle();
    const warnings = h.facts.filter((f) => f.kind === 'relay-warning');
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toMatch(/was updated/);
    expect(checkInvariants(await snapshot(), { settled: true })).toEqual([]);

    // The relay's position held back (as if it had stopped reading): the update and delete are owed.
    h.kill('order');
    const { services } = await snapshot();
    const meta = services.order!.meta as unknown as { key: string; value: { seq: number } }[];
    meta.find((m) => m.key === RELAY_POSITION_KEY)!.value.seq = 0;
    const anomalies = checkInvariants({ services }, { settled: true });
    expect(anomalies.map((a) => a.invariant)).toEqual(['no-change-unpublished']);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}
