import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { BrokerClient } from '../broker/brokerClient';
import { CrashSignal } from '../crash';
import type { InboxRow, OrderRow, OutboxRow, PaymentRow } from '../rows';
import { paymentService } from '../services/payment';
import { broadcastChannels } from '../transport';
import type { ServiceDefinition } from './definition';
import { toMessage } from './relay';
import { IDBObjectStore } from 'fake-indexeddb';
import { partitionFor } from '../broker/partitioner';
import { DEFAULT_BROKER_CONFIG } from '../broker/brokerConfig';

let h: Harness;
let client: BrokerClient | null = null;
afterEach(() => {
  client?.close();
  client = null;
  h?.close();
});

const created = (n: number, orderId = `o-${n}`): OutboxRow => ({
  id: `evt-${n}`,
  aggregatetype: 'Order',
  aggregateid: orderId,
  type: 'OrderCreated',
  payload: { orderId, customerId: 'bob', total: 12, items: [{ sku: 'SKU-MUG', qty: 1 }] },
  correlationid: `evt-${n}`,
  causationid: `evt-${n}`,
  created_at: 0,
  published_at: null,
});

async function producer(): Promise<BrokerClient> {
  client = new BrokerClient({
    self: 'test-producer',
    runId: h.runId,
    openChannel: broadcastChannels(BroadcastChannel as never),
  });
  return client;
}

const inboxCommits = (service: string) =>
  h.facts.filter(
    (f) => f.kind === 'commit' && f.service === service && f.changes.some((c) => c.table === 'inbox'),
  );

describe('consumer batches', () => {
  it('handles a delivery of many messages in one transaction, each with its own inbox row', async () => {
    h = createHarness();
    await h.startBroker();
    await h.startService('payment');
    // One order id: one partition, one delivery of ten records.
    await (
      await producer()
    ).publish(Array.from({ length: 10 }, (_, i) => toMessage('order', created(i, 'o-same'))));
    await h.settle();
    const dump = await h.service('payment').dump();
    const inbox = dump.inbox as unknown as InboxRow[];
    expect(inbox.map((r) => r.message_id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `evt-${i}`).sort(),
    );
    expect(inboxCommits('payment')).toHaveLength(1);
    // The idempotency key takes the first charge for o-same; the other nine answer with it.
    expect(dump.payments).toHaveLength(1);
  });

  it('deliveries waiting together share a transaction, and every message still gets exactly one inbox row', async () => {
    h = createHarness();
    await h.startBroker();
    await h.startService('payment');
    const p = await producer();
    // Many orders over every partition, published one at a time: deliveries queue while one is handled.
    await Promise.all(Array.from({ length: 60 }, (_, i) => p.publish([toMessage('order', created(i))])));
    await h.settle();
    const dump = await h.service('payment').dump();
    expect((dump.inbox as unknown as InboxRow[]).map((r) => r.message_id).sort()).toEqual(
      Array.from({ length: 60 }, (_, i) => `evt-${i}`).sort(),
    );
    expect((dump.payments as unknown as PaymentRow[]).map((r) => r.orderId).sort()).toEqual(
      Array.from({ length: 60 }, (_, i) => `o-${i}`).sort(),
    );
    expect(inboxCommits('payment').length).toBeLessThan(60);
  });

  it("reads what a batch's handlers need in one go, before the first of them writes", async () => {
    h = createHarness();
    await h.startBroker();
    await h.startService('payment');
    // Orders of one partition, published together: one delivery, handled in one transaction.
    const partitions = DEFAULT_BROKER_CONFIG.partitions;
    const ids = Array.from({ length: 200 }, (_, i) => `o-${i}`)
      .filter((id) => partitionFor(id, partitions) === 0)
      .slice(0, 6);
    const requests: string[] = [];
    const store = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = Object.fromEntries(['get', 'put', 'add'].map((m) => [m, store[m]]));
    for (const method of Object.keys(originals))
      store[method] = function (this: IDBObjectStore, ...args: unknown[]) {
        if (this.transaction.db.name.endsWith('-payment')) requests.push(`${method} ${this.name}`);
        return originals[method].apply(this, args);
      };
    try {
      await (await producer()).publish(ids.map((id, i) => toMessage('order', created(i, id))));
      await h.settle();
    } finally {
      Object.assign(store, originals);
    }
    expect((await h.service('payment').dump()).payments).toHaveLength(6);
    expect(inboxCommits('payment')).toHaveLength(1);
    // Every order's lock and the customer, asked for before the batch's first write; the lock not again after.
    const firstWrite = requests.findIndex((r) => r.startsWith('put') || r.startsWith('add'));
    const before = requests.slice(0, firstWrite);
    expect(before.filter((r) => r === 'get semantic_locks')).toHaveLength(6);
    expect(before).toContain('get customers');
    expect(requests.slice(firstWrite).filter((r) => r === 'get semantic_locks')).toHaveLength(0);
  });

  it('a message delivered twice within one batch is handled once and counted as a duplicate', async () => {
    h = createHarness();
    await h.startBroker();
    await h.startService('payment');
    await (await producer()).publish([toMessage('order', created(1)), toMessage('order', created(1))]);
    await h.settle();
    const dump = await h.service('payment').dump();
    expect(dump.inbox).toHaveLength(1);
    expect(dump.payments).toHaveLength(1);
    expect(h.facts.filter((f) => f.kind === 'duplicate')).toHaveLength(1);
  });

  it('a crash in the middle of a batch commits none of it; after the restart each message is handled once', async () => {
    h = createHarness();
    await h.startBroker();
    let crashOn: string | null = 'evt-4';
    let crashed = false;
    const crashing: ServiceDefinition = {
      ...paymentService,
      handlers: {
        ...paymentService.handlers,
        async OrderCreated(ctx, event) {
          const result = await paymentService.handlers.OrderCreated(ctx, event);
          // The process dies here, with messages 0-3 of the batch already handled inside the transaction.
          if (event.id === crashOn) {
            crashed = true;
            throw new CrashSignal('manual');
          }
          return result;
        },
      },
    };
    await h.startService(crashing);
    await (
      await producer()
    ).publish(Array.from({ length: 8 }, (_, i) => toMessage('order', created(i, 'o-same'))));
    await expect.poll(() => crashed).toBe(true);
    h.kill('payment');
    const left = await h.read('payment');
    expect(left.inbox).toEqual([]);
    expect(left.payments).toEqual([]);
    expect(left.outbox).toEqual([]);

    crashOn = null;
    await h.startService(crashing);
    await h.settle();
    const dump = await h.service('payment').dump();
    expect((dump.inbox as unknown as InboxRow[]).map((r) => r.message_id).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `evt-${i}`).sort(),
    );
    expect(dump.payments).toHaveLength(1);
  });
});

describe('command group commit', () => {
  it('commands arriving together commit together, each with its own rows and outbox row', async () => {
    h = createHarness();
    await h.startBroker();
    for (const name of ['order', 'payment', 'inventory', 'shipping'] as const) await h.startService(name);
    const ids = await Promise.all(
      Array.from({ length: 20 }, () =>
        h
          .service('order')
          .command('placeOrder', { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] }),
      ),
    );
    await h.settle();
    const dump = await h.service('order').dump();
    const orders = dump.orders as unknown as OrderRow[];
    expect(orders.map((o) => o.id).sort()).toEqual([...(ids as string[])].sort());
    expect(orders.every((o) => o.status === 'COMPLETED')).toBe(true);
    const outbox = (dump.outbox as unknown as OutboxRow[]).filter((r) => r.type === 'OrderCreated');
    expect(outbox.map((r) => r.aggregateid).sort()).toEqual([...(ids as string[])].sort());
    const placing = h.facts.filter(
      (f) =>
        f.kind === 'commit' &&
        f.service === 'order' &&
        f.changes.some((c) => c.table === 'orders' && c.op === 'put' && c.row.status === 'PENDING'),
    );
    expect(placing.length).toBeLessThan(20);
  });

  it('a command that fails among others fails alone', async () => {
    h = createHarness();
    await h.startBroker();
    await h.startService('order');
    const good = { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] };
    const results = await Promise.allSettled(
      [good, good, { customerId: 'x', items: null }, good].map((input) =>
        h.service('order').command('placeOrder', input),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const dump = await h.service('order').dump();
    expect(dump.orders).toHaveLength(3);
    expect(dump.outbox).toHaveLength(3);
  });
});
