import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { countCosts } from '../../test/costCounter';
import { brokerAlone, eventOf, type BrokerAlone } from '../../test/brokerAlone';
import { systemClock } from '../clock';
import { openBrokerDb, type BrokerDb, type OffsetRow } from './brokerDb';
import { BrokerWrites } from './brokerWrites';
import { LINGER_MS } from '../companyWait';
import { appendRows } from './logStore';
import { LogWriter } from './logWriter';
import { OffsetStore } from './offsetStore';

let runs = 0;
const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((c) => c.close()));

/** The write side alone: a log writer and offsets over one write loop; `linger` and `now` as a live broker's. */
async function writeSide(linger?: (ms: number, fn: () => void) => void, now?: () => number) {
  const db: BrokerDb = openBrokerDb(`writes${++runs}-${Date.now().toString(36)}`, { indexedDB, IDBKeyRange });
  await db.open();
  open.push(db);
  const kick = () => writes.kick();
  const offsets = new OffsetStore(db, kick);
  const log = new LogWriter({
    db,
    clock: systemClock,
    partitions: 1,
    published: (publisher) => writes.published(publisher),
    onNewTopic: () => undefined,
    onAppended: () => undefined,
  });
  const writes: BrokerWrites = new BrokerWrites({ db, log, offsets, stopped: () => false, linger, now });
  return { db, log, offsets, writes };
}

const offset = (group: string, committed: number, partition = 0): OffsetRow => ({
  group,
  topic: 't',
  partition,
  committed,
});
const message = (id: string) => ({ topic: 't', event: eventOf(id, 'A') });

/**
 * Counts transactions from before the database opens (Dexie binds `transaction` when it opens, so a
 * count begun later never sees its transactions); `during(run)` gives those begun while `run` ran.
 */
function countTransactions() {
  const counter = countCosts();
  open.push({ close: () => counter.stop() });
  return async (run: () => Promise<unknown>): Promise<Record<string, number>> => {
    counter.reset();
    await run();
    return Object.fromEntries([...counter.counts.transactions].filter(([k]) => k.startsWith('broker:')));
  };
}

describe('the broker write loop', () => {
  it('joins acks that come while a write is under way into the next transaction, with a log append', async () => {
    const during = countTransactions();
    const { offsets, log } = await writeSide();
    const counts = await during(async () => {
      const first = offsets.write(offset('a', 1)); // nothing under way: its own transaction begins now
      const acks = [
        offsets.write(offset('b', 1)),
        offsets.write(offset('c', 1)),
        offsets.write(offset('b', 2)),
      ];
      const published = log.append([message('m1')]);
      await Promise.all([first, ...acks, published]);
    });
    expect(counts).toEqual({ 'broker:offsets': 1, 'broker:batches+offsets+topics': 1 });
    expect(offsets.committed('b', 't', 0)).toBe(2); // the later ack of a partition wins
    expect(offsets.committed('c', 't', 0)).toBe(1);
  });

  it('in a live run, lets offsets wait a moment for an append to carry them', async () => {
    const timers: (() => void)[] = [];
    const during = countTransactions();
    const { offsets, log, writes } = await writeSide((_, fn) => void timers.push(fn));
    const counts = await during(async () => {
      const acks = [offsets.write(offset('a', 1)), offsets.write(offset('b', 1))];
      expect(writes.owed).toBe(2); // owed (a run does not settle) while they wait
      await Promise.all([...acks, log.append([message('m1')])]);
    });
    expect(counts).toEqual({ 'broker:batches+offsets+topics': 1 });
    // With no append coming, the timer writes them on their own, all in one.
    const alone = await during(async () => {
      const acks = [offsets.write(offset('a', 2)), offsets.write(offset('b', 2))];
      timers.splice(0).forEach((fire) => fire());
      await Promise.all(acks);
    });
    expect(alone).toEqual({ 'broker:offsets': 1 });
    expect(writes.owed).toBe(0);
  });

  it('in a live run, lets publishes that come often linger for company and share an append', async () => {
    const timers: { ms: number; fire: () => void }[] = [];
    let now = 0;
    const during = countTransactions();
    const { log } = await writeSide(
      (ms, fire) => void timers.push({ ms, fire }),
      () => now,
    );
    const counts = await during(async () => {
      await log.append([message('m1')]); // no rate known yet: appended at once
      await new Promise((r) => setTimeout(r, 0)); // its write loop has ended
      now = 10;
      const second = log.append([message('m2')]);
      now = 20;
      const third = log.append([message('m3')]);
      expect(timers.map((t) => t.ms)).toEqual([LINGER_MS]); // the second lingers; the third joins it
      timers.splice(0).forEach((t) => t.fire());
      await Promise.all([second, third]);
    });
    expect(counts).toEqual({ 'broker:batches+topics': 2 });
    // After a quiet spell the stream is no longer steady: a publish is appended at once.
    now = 1000;
    await log.append([message('m4')]);
    expect(timers).toEqual([]);
  });

  it('judges a stream steady per publisher: services that each publish seldom linger for nobody', async () => {
    const timers: (() => void)[] = [];
    let now = 0;
    const { log } = await writeSide(
      (_, fire) => void timers.push(fire),
      () => now,
    );
    const from = (source: string, id: string) => ({ topic: 't', event: { ...eventOf(id, 'A'), source } });
    // Four services, one publish each every 100 ms, 10 ms apart: 40 a second between them.
    for (let round = 0; round < 5; round++)
      for (const [i, source] of ['/order', '/payment', '/inventory', '/shipping'].entries()) {
        now = round * 100 + i * 10;
        await log.append([from(source, `${source}-${round}`)]);
        await new Promise((r) => setTimeout(r, 0));
      }
    expect(timers).toEqual([]);
  });

  it('stores an offset only once its transaction committed; a failed one waits for the next write', async () => {
    const { db, offsets, log } = await writeSide();
    // Someone else's record where the writer will put its first one: the append's transaction fails.
    await appendRows(db, [{ topic: 't', partition: 0, offset: 0, event: eventOf('x', 'A'), appended_at: 0 }]);
    const busy = offsets.write(offset('a', 1));
    const riding = offsets.write(offset('g', 5));
    const refused = log.append([message('m1')]);
    await busy;
    await expect(refused).rejects.toThrow();
    await expect(riding).rejects.toThrow();
    expect(offsets.committed('g', 't', 0)).toBe(0);
    expect(await db.offsets.get(['g', 't', 0])).toBeUndefined();
    expect(offsets.owed).toBe(1); // still owed, and carried by the next write
    await offsets.write(offset('h', 1));
    expect(offsets.committed('g', 't', 0)).toBe(5);
    expect((await db.offsets.get(['g', 't', 0]))?.committed).toBe(5);
  });
});

describe('acks through the broker', () => {
  let b: BrokerAlone | undefined;
  afterEach(() => {
    b?.close();
    b = undefined;
  });

  it('in a deterministic run resolves an ack once its offset is durable', async () => {
    b = await brokerAlone({ stepped: true });
    const member = b.client('m');
    await member.subscribe('g', ['t'], () => undefined);
    await b.client('pub').publish([message('m1'), message('m2')]);
    const partition = b
      .broker()
      .stats()
      .partitions.find((p) => p.endOffset > 0)!.partition;
    await member.fetch('g', 't', partition, 10);
    await member.ack('g', 't', partition, 1);
    expect((await b.db().offsets.get(['g', 't', partition]))?.committed).toBe(2);
    expect(b.broker().status()).toEqual({ lag: 0, pendingWrites: 0 });
  });
});
