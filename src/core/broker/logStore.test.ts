import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { countCosts } from '../../test/costCounter';
import { eventOf } from '../../test/brokerAlone';
import { SteppedClock } from '../clock';
import { brokerDbName, openBrokerDb, type BrokerDb, type LogRow } from './brokerDb';
import { BrokerWrites } from './brokerWrites';
import { LogRetention } from './logRetention';
import { appendRows, endOffsetOf, firstOffsetOf, readAllRecords, readRange, readRecord } from './logStore';
import { LogWriter } from './logWriter';
import { OffsetStore } from './offsetStore';

let runs = 0;
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

const dexie = { indexedDB, IDBKeyRange };
const runId = () => `store${++runs}-${Date.now().toString(36)}`;

async function openDb(id = runId()): Promise<BrokerDb> {
  const db = openBrokerDb(id, dexie);
  await db.open();
  open.push(db);
  return db;
}

/** Records [base, base + n) of a partition, appended at `at`. */
const rows = (partition: number, base: number, n: number, at = 0, topic = 't'): LogRow[] =>
  Array.from({ length: n }, (_, i) => ({
    topic,
    partition,
    offset: base + i,
    event: eventOf(`${topic}-${partition}-${base + i}`, 'A', `s${base + i}`),
    appended_at: at,
  }));

describe('the log stored in batches', () => {
  it('stores one batch per partition an append touches: one request each, however many records', async () => {
    const counter = countCosts();
    open.push({ close: () => counter.stop() });
    const db = await openDb();
    const kick = () => writes.kick();
    const log = new LogWriter({
      db,
      clock: new SteppedClock(),
      partitions: 4,
      published: kick,
      onNewTopic: () => undefined,
      onAppended: () => undefined,
    });
    const writes: BrokerWrites = new BrokerWrites({
      db,
      log,
      offsets: new OffsetStore(db, kick),
      stopped: () => false,
    });
    const messages = Array.from({ length: 40 }, (_, i) => ({
      topic: 't',
      event: eventOf(`m${i}`, 'A', `subject-${i}`),
    }));
    counter.reset();
    await log.append(messages);
    const ends = log.ends.get('t')!;
    const touched = ends.filter((end) => end > 0).length;
    expect(touched).toBeGreaterThan(1);
    expect(counter.counts.methods.get('broker.batches.add')).toBe(touched);
    expect(await db.batches.count()).toBe(touched);
    // A second append adds a batch per partition again, and the records read back as they went in.
    await log.append(messages.slice(0, 3));
    const all = await readAllRecords(db);
    expect(all).toHaveLength(43);
    for (let p = 0; p < 4; p++) {
      const offsets = all.filter((r) => r.partition === p).map((r) => r.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
      expect(await endOffsetOf(db, 't', p)).toBe(log.ends.get('t')![p]);
    }
  });

  it('reads a range across batch edges, starting or ending inside a batch', async () => {
    const db = await openDb();
    // Batches 0..2, 3..3, 4..9 of partition 0; partition 1 and another topic around them.
    const stored = [...rows(0, 0, 3, 1), ...rows(0, 3, 1, 2), ...rows(0, 4, 6, 3)];
    await appendRows(db, [...stored, ...rows(1, 0, 5, 1), ...rows(0, 0, 4, 1, 'u')]);
    expect(await db.batches.count()).toBe(5);
    for (let from = 0; from <= 10; from++)
      for (let upto = from; upto <= 11; upto++)
        expect(await readRange(db, 't', 0, from, upto)).toEqual(
          stored.filter((r) => r.offset >= from && r.offset < upto),
        );
  });

  it('gets one record (what dead-lettering reads), and nothing outside the log', async () => {
    const db = await openDb();
    await appendRows(db, [...rows(0, 0, 3, 1), ...rows(0, 3, 4, 2)]);
    expect(await readRecord(db, 't', 0, 4)).toEqual(rows(0, 3, 4, 2)[1]);
    expect(await readRecord(db, 't', 0, 2)).toEqual(rows(0, 0, 3, 1)[2]);
    expect(await readRecord(db, 't', 0, 7)).toBeUndefined();
    expect(await readRecord(db, 't', 1, 0)).toBeUndefined();
    await db.batches.delete(['t', 0, 2]); // as retention would: the first batch gone
    expect(await readRecord(db, 't', 0, 1)).toBeUndefined();
    expect(await firstOffsetOf(db, 't', 0)).toBe(3);
  });

  it('opens a version 1 database, its rows packed into batches by append time', async () => {
    const id = runId();
    const old = new Dexie(brokerDbName(id), dexie);
    old.version(1).stores({
      log: '[topic+partition+offset]',
      topics: 'name',
      offsets: '[group+topic+partition]',
      attempts: '[group+topic+partition+offset]',
    });
    const saved = [...rows(0, 0, 3, 10), ...rows(0, 3, 2, 20), ...rows(1, 5, 2, 10)];
    await old.table('log').bulkAdd(saved);
    await old.table('topics').put({ name: 't', partitions: 2 });
    old.close();

    const db = await openDb(id);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['attempts', 'batches', 'offsets', 'topics']);
    expect((await db.batches.toArray()).map((b) => [b.partition, b.base, b.last])).toEqual([
      [0, 0, 2],
      [0, 3, 4],
      [1, 5, 6],
    ]);
    expect(await readAllRecords(db)).toEqual(saved);
    expect(await endOffsetOf(db, 't', 0)).toBe(5);
    expect(await firstOffsetOf(db, 't', 1)).toBe(5);
  });
});

describe('retention over batches', () => {
  /** Retention of topic `t` (one partition, ending at `end`) as a (re)started broker runs it. */
  async function retentionOver(db: BrokerDb, floor: () => number, end = 0) {
    const clock = new SteppedClock();
    const ends = new Map([['t', [end]]]);
    const retention = new LogRetention({
      db,
      clock,
      ends: () => ends,
      floor: () => floor(),
      stopped: () => false,
    });
    await db.topics.put({ name: 't', partitions: 1 });
    await retention.load();
    const append = async (batch: LogRow[]) => {
      await appendRows(db, batch);
      ends.get('t')![0] = batch[batch.length - 1].offset + 1;
      retention.appended(batch);
    };
    return { clock, retention, append };
  }

  it('deletes only whole batches: one partly due stays whole, and `pruned` counts what went', async () => {
    const db = await openDb();
    let floor = 7;
    const { clock, retention, append } = await retentionOver(db, () => floor);
    await append(rows(0, 0, 5, 0));
    await append(rows(0, 5, 5, 1000));
    clock.set(5000);
    // Records 0..6 are acknowledged; 5 and 6 share a batch with 7..9, which are not.
    expect(await retention.prune(0)).toBe(5);
    expect((await readAllRecords(db)).map((r) => r.offset)).toEqual([5, 6, 7, 8, 9]);
    expect(retention.pruned).toBe(5);
    expect((await db.topics.get('t'))?.prunedUntil).toBe(0);
    // All acknowledged now, yet the batch holds the partition's newest record: it stays.
    floor = 10;
    expect(await retention.prune(0)).toBe(0);
    expect(await readAllRecords(db)).toHaveLength(5);
    expect((await db.topics.get('t'))?.prunedUntil).toBe(0);
    // Once a newer batch holds the newest record, the old one goes whole.
    await append(rows(0, 10, 1, 6000));
    floor = 11;
    clock.set(9000);
    expect(await retention.prune(0)).toBe(5);
    expect((await readAllRecords(db)).map((r) => r.offset)).toEqual([10]);
    expect(retention.pruned).toBe(10);
    expect((await db.topics.get('t'))?.prunedUntil).toBe(1000);
  });

  it('after a restart, starts from the first batch still stored', async () => {
    const db = await openDb();
    const first = await retentionOver(db, () => 2);
    await first.append(rows(0, 0, 2, 0));
    await first.append(rows(0, 2, 3, 0));
    first.clock.set(10);
    expect(await first.retention.prune(0)).toBe(2);
    // A new process: it reads where the partition starts (2) from the batches left, not from memory.
    const { clock, retention, append } = await retentionOver(db, () => 6, 5);
    await append(rows(0, 5, 2, 20));
    clock.set(30);
    expect(await retention.prune(0)).toBe(3);
    expect(retention.pruned).toBe(3);
    expect((await readAllRecords(db)).map((r) => r.offset)).toEqual([5, 6]);
  });
});
