import { afterEach, describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { CdcConnector, type ConnectorDeps, type PublishedBatch } from './connector';
import { memoryPositionStore, type PositionStore } from './positionStore';
import type { CdcMessage } from './router';
import { openTestDb } from './testDb';

let dbs: Dexie[] = [];
afterEach(() => {
  dbs.forEach((db) => db.close());
  dbs = [];
});

function testDb(service = 'order'): Dexie {
  const db = openTestDb(service);
  dbs.push(db);
  return db;
}

const order = (id: string, status = 'PENDING') => ({ id, status });

/** A broker stand-in that acknowledges every publish and keeps what it got. */
function fakeBroker() {
  const received: CdcMessage[] = [];
  return {
    received,
    publish: async (messages: CdcMessage[]) => void received.push(...messages),
    ids: () => received.map((m) => m.event.id),
  };
}

function connector(
  db: Dexie,
  positions: PositionStore,
  publish: ConnectorDeps['publish'],
  more: Partial<ConnectorDeps> = {},
): CdcConnector {
  return new CdcConnector({
    sources: [{ service: 'order', db, tables: ['orders', 'outbox'] }],
    publish,
    positions,
    now: () => 5_000,
    batchSize: 2,
    ...more,
  });
}

describe('CDC connector', () => {
  it('follows the log from an empty start and stores its position after each acknowledged batch', async () => {
    const db = testDb();
    const broker = fakeBroker();
    const positions = memoryPositionStore();
    const cdc = connector(db, positions, broker.publish);
    await cdc.start();
    await db.table('orders').bulkAdd([order('o1'), order('o2'), order('o3')]);
    await db.table('orders').update('o1', { status: 'COMPLETED' });
    expect(await cdc.drain()).toBe(4);
    expect(broker.ids()).toEqual(['order.orders:1', 'order.orders:2', 'order.orders:3', 'order.orders:4']);
    expect(await positions.get('order')).toEqual({ seq: 4 });
    expect(cdc.stats).toMatchObject({ published: 4, duplicates: 0, snapshotRows: 0 });
  });

  it('after a crash between publish and position store, republishes that batch and counts it as duplicates; nothing is lost', async () => {
    const db = testDb();
    const broker = fakeBroker();
    const positions = memoryPositionStore();
    await connector(db, positions, broker.publish).start();
    await db.table('orders').bulkAdd([order('o1'), order('o2'), order('o3'), order('o4'), order('o5')]);

    let batches = 0;
    const crashing = connector(db, positions, broker.publish, {
      afterPublish: () => {
        if (++batches === 2) throw new Error('crashed after publish, before storing the position');
      },
    });
    await crashing.start();
    await expect(crashing.drain()).rejects.toThrow(/crashed after publish/);
    expect(broker.ids()).toEqual(['order.orders:1', 'order.orders:2', 'order.orders:3', 'order.orders:4']);
    expect(await positions.get('order')).toEqual({ seq: 2, inFlight: 4 });

    const restarted = connector(db, positions, broker.publish);
    await restarted.start();
    await restarted.drain();
    expect(broker.ids()).toEqual([
      'order.orders:1',
      'order.orders:2',
      'order.orders:3',
      'order.orders:4',
      'order.orders:3',
      'order.orders:4',
      'order.orders:5',
    ]);
    expect(restarted.stats).toMatchObject({ published: 3, duplicates: 2 });
    expect(new Set(broker.ids()).size).toBe(5);
    expect(await positions.get('order')).toEqual({ seq: 5 });
  });

  it('does not move its position when a publish fails', async () => {
    const db = testDb();
    const positions = memoryPositionStore();
    const cdc = connector(db, positions, async () => Promise.reject(new Error('broker down')));
    await cdc.start();
    await db.table('orders').add(order('o1'));
    await expect(cdc.poll()).rejects.toThrow('broker down');
    expect(cdc.position('order')).toEqual({ seq: 0 });
  });

  it('snapshots existing rows as op r, then follows only the changes made after the snapshot', async () => {
    const db = testDb();
    await db.table('orders').bulkAdd([order('o1'), order('o2'), order('o3')]);
    await db.table('orders').update('o2', { status: 'COMPLETED' });
    const broker = fakeBroker();
    const positions = memoryPositionStore();
    const cdc = connector(db, positions, broker.publish);
    await cdc.start();

    const snapshot = broker.received.map(
      (m) =>
        m.event.data as { op: string; after: { id: string; status: string }; source: { snapshot?: boolean } },
    );
    expect(snapshot.map((e) => [e.op, e.after.id, e.after.status, e.source.snapshot])).toEqual([
      ['r', 'o1', 'PENDING', true],
      ['r', 'o2', 'COMPLETED', true],
      ['r', 'o3', 'PENDING', true],
    ]);
    expect(await positions.get('order')).toEqual({ seq: 4 });

    await db.table('orders').update('o3', { status: 'CANCELLED' });
    await db.table('orders').add(order('o4'));
    await cdc.drain();
    const followed = broker.received.slice(3).map((m) => [m.event.id, (m.event.data as { op: string }).op]);
    expect(followed).toEqual([
      ['order.orders:5', 'u'],
      ['order.orders:6', 'c'],
    ]);
    expect(cdc.stats).toMatchObject({ snapshotRows: 3, published: 5, duplicates: 0 });
  });

  /** Three rows, and a connector that dies right after its snapshot's first publish. */
  async function snapshotCutShort() {
    const db = testDb();
    await db.table('orders').bulkAdd([order('o1'), order('o2'), order('o3')]);
    const broker = fakeBroker();
    const positions = memoryPositionStore();
    const crashing = connector(db, positions, broker.publish, {
      afterPublish: () => {
        throw new Error('crashed mid-snapshot');
      },
    });
    await expect(crashing.start()).rejects.toThrow('crashed mid-snapshot');
    return { db, broker, positions };
  }

  it('a snapshot cut short by a crash starts over and counts the rows it had sent as duplicates', async () => {
    const { db, broker, positions } = await snapshotCutShort();
    const restarted = connector(db, positions, broker.publish);
    await restarted.start();
    expect(broker.received.map((m) => m.key)).toEqual(['o1', 'o2', 'o1', 'o2', 'o3']);
    expect(restarted.stats).toMatchObject({ snapshotRows: 3, duplicates: 2 });
    expect(await positions.get('order')).toEqual({ seq: 3 });
  });

  it('routes outbox inserts through the outbox event router and reports outbox updates as warnings', async () => {
    const db = testDb();
    const broker = fakeBroker();
    const warnings: string[] = [];
    const cdc = connector(db, memoryPositionStore(), broker.publish, { onWarning: (w) => warnings.push(w) });
    await cdc.start();
    const row = {
      id: 'msg-1',
      aggregatetype: 'Order',
      aggregateid: 'o1',
      type: 'OrderCreated',
      payload: {},
      correlationid: 'c',
      causationid: 'c',
      created_at: 1,
      published_at: null,
    };
    await db.transaction('rw', [db.table('orders'), db.table('outbox')], async () => {
      await db.table('orders').add(order('o1'));
      await db.table('outbox').add(row);
    });
    await db.table('outbox').where('id').equals('msg-1').modify({ published_at: 2 });
    await db.table('outbox').clear();
    await cdc.drain();
    expect(broker.received.map((m) => [m.topic, m.key, m.event.id])).toEqual([
      ['order.orders', 'o1', 'order.orders:1'],
      ['outbox.event.Order', 'o1', 'msg-1'],
    ]);
    expect(warnings).toHaveLength(1);
    expect(cdc.stats.warnings).toBe(1);
  });

  it('a restarted snapshot follows the log from where the cut-short one stood, so a row deleted meanwhile gets its delete', async () => {
    const { db, broker, positions } = await snapshotCutShort();
    // o1 reached the broker as a snapshot read; it is deleted before the connector comes back.
    await db.table('orders').delete('o1');
    await db.table('orders').update('o2', { status: 'COMPLETED' });
    const restarted = connector(db, positions, broker.publish);
    await restarted.start();
    expect(await positions.get('order')).toEqual({ seq: 3 });
    await restarted.drain();
    const sent = broker.received.map((m) => [(m.event.data as { op: string }).op, m.key, m.event.id]);
    expect(sent).toEqual([
      ['r', 'o1', 'order.orders:3:snapshot:o1'],
      ['r', 'o2', 'order.orders:3:snapshot:o2'],
      // The new snapshot, consistent with sequence 5: o1 is gone from it.
      ['r', 'o2', 'order.orders:5:snapshot:o2'],
      ['r', 'o3', 'order.orders:5:snapshot:o3'],
      // Then the log from 3: the delete a consumer of the first attempt needs, and an update it skips by sequence.
      ['d', 'o1', 'order.orders:4'],
      ['u', 'o2', 'order.orders:5'],
    ]);
    expect(await positions.get('order')).toEqual({ seq: 5 });
  });

  it('tells its hooks which batches are snapshot reads and how many of each batch are sent again', async () => {
    const db = testDb();
    await db.table('orders').bulkAdd([order('o1'), order('o2'), order('o3')]);
    const positions = memoryPositionStore();
    const seen: string[] = [];
    const record = (b: PublishedBatch) =>
      void seen.push(`${b.snapshot ? 'snapshot' : 'log'} ${b.messages.length} dup ${b.duplicates}`);
    let batches = 0;
    const crashing = connector(db, positions, fakeBroker().publish, {
      afterPublish: (b) => {
        record(b);
        if (!b.snapshot && ++batches === 1) throw new Error('crashed after publish');
      },
    });
    await crashing.start();
    await db.table('orders').bulkAdd([order('o4'), order('o5')]);
    await expect(crashing.drain()).rejects.toThrow('crashed after publish');
    const stored: number[] = [];
    const restarted = connector(db, positions, fakeBroker().publish, {
      afterPublish: record,
      afterPosition: (_s, p) => void stored.push(p.seq),
    });
    await restarted.start();
    await restarted.drain();
    expect(seen).toEqual(['snapshot 2 dup 0', 'snapshot 1 dup 0', 'log 2 dup 0', 'log 2 dup 2']);
    expect(stored).toEqual([5]);
  });

  it('tails several services, each from its own position', async () => {
    const orders = testDb('order');
    const payments = testDb('payment');
    const broker = fakeBroker();
    const positions = memoryPositionStore();
    const cdc = new CdcConnector({
      sources: [
        { service: 'order', db: orders, tables: ['orders'] },
        { service: 'payment', db: payments, tables: ['orders'] },
      ],
      publish: broker.publish,
      positions,
      now: () => 0,
      snapshot: 'never',
    });
    await cdc.start();
    await orders.table('orders').add(order('o1'));
    await payments.table('orders').bulkAdd([order('p1'), order('p2')]);
    await cdc.drain();
    expect(broker.received.map((m) => m.topic).sort()).toEqual([
      'order.orders',
      'payment.orders',
      'payment.orders',
    ]);
    expect(positions.snapshot()).toEqual({ order: { seq: 1 }, payment: { seq: 2 } });
  });
});
