import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dbFixture } from '../../test/dbFixture';
import type { BrokerPort, OutgoingMessage } from '../broker/brokerPort';
import { withoutLiveQueries } from '../broker/brokerDb';
import { SteppedClock } from '../clock';
import { CrashSwitch } from '../crash';
import type { OutboxRow } from '../rows';
import { outboxRow } from '../../test/outboxRows';
import type { Change } from '../telemetry';
import { commitCapture } from './commitCapture';
import { OUTBOX_WATERMARK_KEY } from './outboxWatermark';
import { PACES } from './pace';
import { OutboxRelay } from './relay';
import { dumpTables, openServiceDb } from './serviceDb';

const { newRun, track, count, counted } = dbFixture('relaywm');

/** A polling relay over its own service database, publishing to a broker that only notes the ids. */
function relayOver(runId: string, retention?: number) {
  const published: string[] = [];
  const commits: Change[][] = [];
  const clock = new SteppedClock();
  const db = openServiceDb(runId, 'order', {}, withoutLiveQueries({ indexedDB, IDBKeyRange }));
  db.use(
    commitCapture(
      (changes) => commits.push(changes),
      // Asked only once the relay writes, by when it is made.
      (change) => relay.describe(change),
    ),
  );
  track(db);
  const broker = {
    publish: async (messages: OutgoingMessage[]) => {
      published.push(...messages.map((m) => m.event.id));
      return messages.map((_, i) => i);
    },
  } as unknown as BrokerPort;
  const crash = new CrashSwitch(() => undefined);
  const relay: OutboxRelay = new OutboxRelay({
    service: 'order',
    db,
    broker,
    clock,
    crash,
    config: () => ({
      ...PACES.fast,
      relay: { ...PACES.fast.relay, batchSize: 2 },
      retention: retention === undefined ? undefined : { publishedOutboxMs: retention, brokerLogMs: 60_000 },
    }),
    speed: () => 1,
    onPublished: () => undefined,
  });
  return { db, relay, clock, crash, published, commits };
}

const row = (id: string): OutboxRow => outboxRow(id);

const insert = (db: Dexie, ids: string[]) => db.table('outbox').bulkAdd(ids.map(row));

describe('the polling relay’s watermark', () => {
  it('writes one meta row per published batch and never an outbox row after its insert', async () => {
    const { db, relay, clock, published, commits } = relayOver(newRun(), 60_000);
    await insert(db, ['a', 'b', 'c', 'd', 'e']);
    count();
    commits.length = 0;
    for (const at of [10, 20, 30, 40]) {
      clock.set(at);
      await relay.tick();
    }
    expect(published).toEqual(['a', 'b', 'c', 'd', 'e']);
    const methods = Object.fromEntries(counted().counts.methods);
    expect(methods['order.meta.put']).toBe(3); // three batches: [a, b], [c, d], [e]
    expect(methods['order.outbox.put'] ?? 0).toBe(0);
    expect(methods['order.outbox.add'] ?? 0).toBe(0);
    expect(methods['order.meta.get']).toBe(1); // the watermark, read once
    expect(await db.table('meta').get(OUTBOX_WATERMARK_KEY)).toEqual({
      key: OUTBOX_WATERMARK_KEY,
      value: { seq: 5, at: 30 },
    });
    // What the canvas hears: each batch's rows going published, at that batch's time.
    const reported = commits.flatMap((c) =>
      c.flatMap((x) => (x.table === 'outbox' && x.op === 'put' ? [[x.key, x.row.published_at]] : [])),
    );
    expect(reported).toEqual([
      [1, 10],
      [2, 10],
      [3, 20],
      [4, 20],
      [5, 30],
    ]);
    const dump = await dumpTables(db);
    expect((dump.outbox as unknown as OutboxRow[]).every((r) => r.published_at === 30)).toBe(true);
    expect(await relay.unpublished()).toBe(0);
  });

  it('after a restart publishes only the rows above the stored watermark', async () => {
    const runId = newRun();
    const first = relayOver(runId);
    await insert(first.db, ['a', 'b', 'c']);
    await first.relay.tick(); // [a, b]
    first.db.close();

    const second = relayOver(runId);
    await insert(second.db, ['d']);
    expect(await second.relay.unpublished()).toBe(2);
    while (await second.relay.tick());
    expect(second.published).toEqual(['c', 'd']);
  });

  it('crashed between publish and record, it publishes the batch again on restart', async () => {
    const runId = newRun();
    const first = relayOver(runId);
    await insert(first.db, ['a', 'b', 'c']);
    await first.relay.tick(); // [a, b] recorded
    first.crash.arm('relay-after-publish-before-mark');
    await expect(first.relay.tick()).rejects.toThrow(/relay-after-publish-before-mark/);
    expect(first.published).toEqual(['a', 'b', 'c']);
    first.db.close();

    const second = relayOver(runId);
    while (await second.relay.tick());
    expect(second.published).toEqual(['c']);
  });
});
