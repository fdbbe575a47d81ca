import type { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dbFixture } from '../../test/dbFixture';
import { relayOver } from '../../test/relayOver';
import type { OutboxRow } from '../rows';
import { outboxRow } from '../../test/outboxRows';
import type { Change } from '../telemetry';
import { OUTBOX_WATERMARK_KEY } from './outboxWatermark';
import { PACES } from './pace';
import { dumpTables } from './serviceDb';

const { newRun, track, count, counted } = dbFixture('relaywm');

/** A polling relay over its own service database, in batches of 2, its commits noted. */
function relayOverOrder(runId: string, retention?: number) {
  const commits: Change[][] = [];
  const made = relayOver(runId, track, {
    config: () => ({
      ...PACES.fast,
      relay: { ...PACES.fast.relay, batchSize: 2 },
      retention: retention === undefined ? undefined : { publishedOutboxMs: retention, brokerLogMs: 60_000 },
    }),
    onCommit: (changes) => commits.push(changes),
  });
  return { ...made, commits };
}

const row = (id: string): OutboxRow => outboxRow(id);

const insert = (db: Dexie, ids: string[]) => db.table('outbox').bulkAdd(ids.map(row));

describe('the polling relay’s watermark', () => {
  it('writes one meta row per published batch and never an outbox row after its insert', async () => {
    const { db, relay, clock, published, commits } = relayOverOrder(newRun(), 60_000);
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
    const first = relayOverOrder(runId);
    await insert(first.db, ['a', 'b', 'c']);
    await first.relay.tick(); // [a, b]
    first.db.close();

    const second = relayOverOrder(runId);
    await insert(second.db, ['d']);
    expect(await second.relay.unpublished()).toBe(2);
    while (await second.relay.tick());
    expect(second.published).toEqual(['c', 'd']);
  });

  it('crashed between publish and record, it publishes the batch again on restart', async () => {
    const runId = newRun();
    const first = relayOverOrder(runId);
    await insert(first.db, ['a', 'b', 'c']);
    await first.relay.tick(); // [a, b] recorded
    first.crash.arm('relay-after-publish-before-mark');
    await expect(first.relay.tick()).rejects.toThrow(/relay-after-publish-before-mark/);
    expect(first.published).toEqual(['a', 'b', 'c']);
    first.db.close();

    const second = relayOverOrder(runId);
    while (await second.relay.tick());
    expect(second.published).toEqual(['c']);
  });
});
