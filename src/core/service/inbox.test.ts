import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import type { PaymentRow } from '../rows';
import { toMessage } from './relay';
import { BrokerClient } from '../broker/brokerClient';
import { broadcastChannels } from '../transport';
import { checkInvariants } from '../invariants';
import { paymentService } from '../services/payment';
import { countCosts } from '../../test/costCounter';
import { INBOX_BATCHES } from './inboxStore';

let h: Harness;
let client: BrokerClient | null = null;
afterEach(() => {
  client?.close();
  h?.close();
});

const row = {
  id: 'evt-fixed-1',
  aggregatetype: 'Order',
  aggregateid: 'o-1',
  type: 'OrderCreated',
  payload: { orderId: 'o-1', customerId: 'bob', total: 12, items: [{ sku: 'SKU-MUG', qty: 1 }] },
  correlationid: 'evt-fixed-1',
  causationid: 'evt-fixed-1',
  created_at: 0,
  published_at: null,
};

describe('inbox', () => {
  it('handles a message delivered twice only once, and counts the skipped duplicate', async () => {
    h = createHarness();
    await h.startBroker();
    const payment = await h.startService('payment');
    client = new BrokerClient({
      self: 'test-producer',
      runId: h.runId,
      openChannel: broadcastChannels(BroadcastChannel as never),
    });
    await client.publish([toMessage('order', row)]);
    await client.publish([toMessage('order', row)]);
    await h.settle();

    const dump = await payment.dump();
    expect((dump.payments as unknown as PaymentRow[]).map((p) => p.orderId)).toEqual(['o-1']);
    expect(dump.inbox).toHaveLength(1);
    expect(dump.meta).toContainEqual({ key: 'duplicatesSkipped', value: 1 });
    expect(h.facts.filter((f) => f.kind === 'duplicate')).toHaveLength(1);
  });

  it('without the inbox and without idempotency keys, the duplicate charges twice', async () => {
    h = createHarness();
    await h.startBroker();
    const payment = await h.startService('payment', { inbox: false, idempotencyKeys: false });
    client = new BrokerClient({
      self: 'test-producer',
      runId: h.runId,
      openChannel: broadcastChannels(BroadcastChannel as never),
    });
    await client.publish([toMessage('order', row)]);
    await client.publish([toMessage('order', row)]);
    await h.settle();
    expect((await payment.dump()).payments).toHaveLength(2);
  });
});

describe('duplicate delivery', () => {
  it('is harmless with the idempotency key even without an inbox, and charges twice without either', async () => {
    for (const idempotencyKeys of [true, false]) {
      h = createHarness();
      await h.startBroker();
      for (const name of ['order', 'payment', 'inventory', 'shipping'] as const)
        await h.startService(name, { inbox: false, idempotencyKeys });
      h.broker().faults.duplicateNext('payment', 'OrderCreated');
      await h
        .service('order')
        .command('placeOrder', { customerId: 'dave', items: [{ sku: 'SKU-MUG', qty: 1 }] });
      await h.settle();
      expect((await h.read('payment')).payments).toHaveLength(idempotencyKeys ? 1 : 2);
      h.close();
    }
  });
});

describe('without the inbox', () => {
  it('a redelivered event repeats a side effect that is not idempotent by itself', async () => {
    h = createHarness();
    await h.startBroker();
    for (const name of ['order', 'payment', 'inventory', 'shipping'] as const)
      await h.startService(name, { inbox: false });
    h.broker().faults.duplicateNext('inventory', 'PaymentCompleted');
    await h
      .service('order')
      .command('placeOrder', { customerId: 'bob', items: [{ sku: 'SKU-BOOK', qty: 1 }] });
    await h.settle();
    const services = Object.fromEntries(
      await Promise.all(
        (['order', 'payment', 'inventory', 'shipping'] as const).map(async (s) => [s, await h.read(s)]),
      ),
    );
    expect(checkInvariants({ services }, { settled: true }).map((a) => a.invariant)).toContain(
      'no-duplicate-side-effect',
    );
  });
});

describe('what the inbox costs', () => {
  it('a duplicate delivery is refused by the inbox insert alone: no lookup, and its handler commits nothing', async () => {
    const counter = countCosts();
    const inboxCalls = () =>
      Object.fromEntries(
        [...counter.counts.methods].filter(([key]) => key.startsWith(`payment.${INBOX_BATCHES}.`)),
      );
    try {
      h = createHarness();
      await h.startBroker();
      // Without idempotency keys a second charge would show: only the inbox stands in its way.
      const payment = await h.startService('payment', { idempotencyKeys: false });
      client = producer();
      counter.reset();
      await client.publish([toMessage('order', row)]);
      await h.settle();
      // A message never seen: its insert, nothing else. Nothing read the inbox first.
      expect(inboxCalls()).toEqual({ [`payment.${INBOX_BATCHES}.add`]: 1 });
      counter.reset();
      await client.publish([toMessage('order', row)]);
      await h.settle();
      // The duplicate: its insert again, refused by the unique index; only then one read (a key cursor over
      // the index, to its end) of which ids it holds.
      expect(inboxCalls()).toEqual({
        [`payment.${INBOX_BATCHES}.add`]: 1,
        [`payment.${INBOX_BATCHES}.openKeyCursor`]: 1,
        [`payment.${INBOX_BATCHES}.continue`]: 1,
      });
      const dump = await payment.dump();
      expect(dump.payments).toHaveLength(1);
      expect(dump.inbox).toHaveLength(1);
      expect(dump.meta).toContainEqual({ key: 'duplicatesSkipped', value: 1 });
    } finally {
      counter.stop();
    }
  });

  it('an event type the consumer has no handler for costs it no transaction and no inbox row', async () => {
    const counter = countCosts();
    try {
      h = createHarness();
      await h.startBroker();
      const payment = await h.startService('payment');
      expect(paymentService.handlers.InventoryReserved).toBeUndefined();
      client = producer();
      counter.reset();
      const reserved = {
        ...row,
        id: 'evt-reserved-1',
        aggregatetype: 'Inventory',
        type: 'InventoryReserved',
      };
      await client.publish([toMessage('inventory', reserved)]);
      await h.settle(); // the broker owes nothing: the record counts as taken
      // The consumer's transactions cover the inbox; the relay's polls (outbox only) go on as ever.
      const consumerTransactions = [...counter.counts.transactions].filter(
        ([key]) => key.startsWith('payment:') && key.includes('inbox'),
      );
      expect(consumerTransactions).toEqual([]);
      expect((await payment.dump()).inbox).toHaveLength(0);
      expect(h.broker().status().lag).toBe(0);
    } finally {
      counter.stop();
    }
  });
});

function producer(): BrokerClient {
  return new BrokerClient({
    self: 'test-producer',
    runId: h.runId,
    openChannel: broadcastChannels(BroadcastChannel as never),
  });
}
