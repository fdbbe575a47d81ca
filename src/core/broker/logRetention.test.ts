import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import type { OrderRow } from '../rows';
import { makeEvent } from '../envelope';
import { broadcastChannels } from '../transport';
import { BrokerClient } from './brokerClient';
import { IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { countCosts } from '../../test/costCounter';

let h: Harness;
const undo: (() => void)[] = [];
afterEach(() => {
  h?.close();
  undo.splice(0).forEach((fn) => fn());
});

/** Every delete and cursor opened on the broker's `batches` store (its log) while the spy is on. */
function spyOnLogStore() {
  const seen = { deletes: [] as unknown[], cursors: 0 };
  const proto = IDBObjectStore.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const { delete: del, openCursor } = proto;
  proto.delete = function (this: IDBObjectStore, key: unknown) {
    if (this.name === 'batches') seen.deletes.push(key);
    return del.call(this, key);
  };
  proto.openCursor = function (this: IDBObjectStore, ...args: unknown[]) {
    if (this.name === 'batches') seen.cursors++;
    return openCursor.apply(this, args);
  };
  undo.push(() => Object.assign(proto, { delete: del, openCursor }));
  return seen;
}

const order = { customerId: 'carol', items: [{ sku: 'SKU-MUG', qty: 1 }] };
const SERVICES = ['order', 'payment', 'inventory', 'shipping'] as const;

async function startAll() {
  h = createHarness();
  // No timer: each test prunes when it means to.
  await h.startBroker({ logRetentionMs: null });
  for (const name of SERVICES) await h.startService(name);
}

/** Records held per topic, from the broker's database. */
async function held(): Promise<Record<string, number>> {
  const dump = await h.readBroker();
  return Object.fromEntries(
    dump.topics.map((t) => [t.name, t.partitions.reduce((n, p) => n + p.records, 0)]),
  );
}

const ends = async () =>
  Object.fromEntries(
    (await h.readBroker()).topics.map((t) => [t.name, t.partitions.map((p) => p.endOffset)]),
  );

describe('log retention', () => {
  it('deletes what every group acknowledged once it is old enough, keeping each partition’s newest record', async () => {
    await startAll();
    for (let i = 0; i < 6; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    const before = await held();
    const endsBefore = await ends();
    expect(before['order-events']).toBe(6);

    expect(await h.broker().prune(60_000)).toBe(0); // nothing is a minute old yet
    const deleted = await h.broker().prune(0);
    expect(deleted).toBeGreaterThan(0);
    const after = await held();
    const partitionsUsed = endsBefore['order-events'].filter((end) => end > 0).length;
    expect(after['order-events']).toBe(partitionsUsed); // one record left per partition that had any
    expect(await ends()).toEqual(endsBefore); // where each partition ends is unchanged
    expect(h.broker().stats().retention).toEqual({ logMs: null, pruned: deleted });
    const dump = await h.readBroker();
    expect(dump.prunedUntil['order-events']).toBeGreaterThan(0);
  });

  it('deletes a range per partition in one transaction, never record by record', async () => {
    const counter = countCosts(); // from before the broker's database opens: Dexie binds `transaction` then
    undo.push(() => counter.stop());
    await startAll();
    for (let i = 0; i < 8; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    const before = (await h.readBroker()).topics;
    const log = spyOnLogStore();
    counter.reset();
    const deleted = await h.broker().prune(0);
    const transactions = Object.fromEntries(counter.counts.transactions);
    const { cursors } = log; // before the snapshot below, which walks the log itself
    const after = (await h.readBroker()).topics;
    const touched = before.flatMap((t, i) =>
      t.partitions.filter((p, j) => p.records > after[i].partitions[j].records),
    ).length;
    expect(deleted).toBeGreaterThan(touched); // more records went than delete requests were made
    expect(transactions['broker:batches+topics']).toBe(1);
    expect(log.deletes).toHaveLength(touched);
    expect(log.deletes.every((key) => key instanceof IDBKeyRange)).toBe(true);
    expect(cursors).toBe(0);
  });

  it('never deletes a record a group has not acknowledged, however old, and delivers it when the group returns', async () => {
    await startAll();
    await h.service('order').command('placeOrder', order);
    await h.settle();
    h.kill('shipping');
    for (let i = 0; i < 4; i++) await h.service('order').command('placeOrder', order);
    // Shipping's group has not acknowledged the four new InventoryReserved records.
    await expect
      .poll(() =>
        h
          .broker()
          .stats()
          .groups.filter((g) => g.group === 'shipping')
          .reduce((n, g) => n + g.lag, 0),
      )
      .toBe(4);
    await h.broker().prune(0);
    const unacked = h
      .broker()
      .stats()
      .groups.filter((g) => g.group === 'shipping' && g.topic === 'inventory-events');
    const dump = await h.readBroker();
    const inventory = dump.topics.find((t) => t.name === 'inventory-events')!;
    for (const g of unacked) expect(inventory.partitions[g.partition].records).toBeGreaterThanOrEqual(g.lag);

    await h.startService('shipping');
    await h.settle();
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders.map((o) => o.status)).toEqual(new Array(5).fill('COMPLETED'));
  });

  it('after a pruned broker restarts, publishing goes on at the right offsets and nothing is delivered twice', async () => {
    await startAll();
    for (let i = 0; i < 3; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    await h.broker().prune(0);
    const endsBefore = await ends();
    h.kill('broker');
    await h.startBroker({ logRetentionMs: null });
    await h.settle();
    expect(await ends()).toEqual(endsBefore);
    for (let i = 0; i < 3; i++) await h.service('order').command('placeOrder', order);
    await h.settle();
    const orders = (await h.service('order').dump()).orders as unknown as OrderRow[];
    expect(orders.map((o) => o.status)).toEqual(new Array(6).fill('COMPLETED'));
    expect(h.facts.filter((f) => f.kind === 'duplicate')).toHaveLength(0);
    // The records pruned before the restart count as appended at the restart: nothing more is due yet.
    expect(await h.broker().prune(60_000)).toBe(0);
  });

  it('keeps a topic no group reads (the dead letters, say) whole', async () => {
    await startAll();
    const client = new BrokerClient({
      self: 'auditor',
      runId: h.runId,
      openChannel: broadcastChannels(BroadcastChannel as never),
    });
    try {
      await client.publish([
        {
          topic: 'audit-events',
          event: makeEvent({
            id: 'a1',
            source: '/audit',
            type: 'Audited',
            subject: 'x',
            time: new Date(0).toISOString(),
            data: {},
          }),
        },
      ]);
      await client.publish([
        {
          topic: 'audit-events',
          event: makeEvent({
            id: 'a2',
            source: '/audit',
            type: 'Audited',
            subject: 'x',
            time: new Date(0).toISOString(),
            data: {},
          }),
        },
      ]);
    } finally {
      client.close();
    }
    await h.broker().prune(0);
    expect((await held())['audit-events']).toBe(2);
  });
});
