// A live relay woken on commit: it publishes the outbox rows commits hand it
// without reading them back, and its record of what it published rides the
// service's next business transaction (or, if none comes, a transaction of its
// own a moment later). Real Dexie over fake-indexeddb, real commit capture,
// the real unit of work.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { dbFixture } from '../../test/dbFixture';
import { relayOver } from '../../test/relayOver';
import { outboxRow } from '../../test/outboxRows';
import { withoutLiveQueries } from '../broker/brokerDb';
import { CHECK_EVERY_MS } from './committedRows';
import type { ServiceDefinition } from './definition';
import { RECORD_LINGER_MS } from './deferredRecord';
import { OUTBOX_WATERMARK_KEY } from './outboxWatermark';
import { PACES } from './pace';
import { ReferenceCache } from './referenceCache';
import { openServiceDb } from './serviceDb';
import { inTransaction, type UnitDeps } from './unitOfWork';

const { newRun, track, count, counted } = dbFixture('relayfc');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function serviceOver(runId: string) {
  const config = () => PACES.fast;
  const { db, relay, clock, crash, published } = relayOver(runId, track, {
    config,
    onCommit: (changes, relay) => relay.handed(changes),
    handsCommits: true,
  });
  let ids = 0;
  const unit: UnitDeps = {
    db,
    def: { name: 'order', aggregateType: 'Order' } as unknown as ServiceDefinition,
    config,
    crash,
    now: () => clock.now(),
    simNow: () => clock.now(),
    publishDirect: async () => undefined,
    newId: () => `e${++ids}`,
    reference: new ReferenceCache(db, []),
    carry: () => relay.carry(),
  };
  /** A business transaction emitting `events` events. */
  const commit = (events: number) =>
    inTransaction(unit, async (u) => {
      const context = u.context();
      for (let i = 0; i < events; i++) context.emit('OrderCreated', 'o1', {});
    });
  const watermark = async () => (await db.table('meta').get(OUTBOX_WATERMARK_KEY))?.value.seq ?? 0;
  return { db, relay, clock, published, commit, watermark };
}

const reads = () =>
  [...counted().counts.methods].filter(([m]) => m.startsWith('order.outbox.') && !m.endsWith('.add'));

describe('a relay that follows commits', () => {
  it('publishes what commits hand it without reading the outbox again', async () => {
    const s = serviceOver(newRun());
    await s.commit(2);
    await s.relay.tick(); // the first pass reads: it does not yet know what is there
    count();
    await s.commit(1);
    await s.commit(2);
    expect(await s.relay.tick()).toBe(3);
    expect(s.published).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(reads()).toEqual([]);
  });

  it('lets its record ride the next business transaction', async () => {
    const s = serviceOver(newRun());
    await s.commit(2);
    await s.relay.tick();
    expect(await s.relay.unpublished()).toBe(2); // published, not yet recorded: a crash publishes them again
    count();
    await s.commit(1); // carries the record of e1 and e2
    expect(await s.watermark()).toBe(2);
    const transactions = [...counted().counts.transactions.keys()];
    expect(transactions.every((scope) => scope.includes('orders') || scope === 'order:meta')).toBe(true);
    expect(Object.fromEntries(counted().counts.methods)['order.meta.put']).toBe(1);
    expect(await s.relay.unpublished()).toBe(1);
  });

  it('never publishes a row again while its record lands under a pass', async () => {
    const s = serviceOver(newRun());
    await s.commit(2);
    await s.relay.tick(); // e1, e2 published, their record owed
    // A business transaction carries the record while the relay looks for work: whichever sees which, e1 and e2
    // are not published twice (a pass that read the watermark before the record landed once did).
    await Promise.all([s.commit(1), s.relay.tick()]);
    while (await s.relay.tick());
    expect(s.published).toEqual(['e1', 'e2', 'e3']);
  });

  it('records alone once no business transaction came in time', async () => {
    const s = serviceOver(newRun());
    await s.commit(1);
    await s.relay.tick();
    expect(await s.watermark()).toBe(0);
    await sleep(RECORD_LINGER_MS * 3);
    expect(await s.watermark()).toBe(1);
    expect(await s.relay.unpublished()).toBe(0);
  });

  it('finds a row no commit handed it at its next check read', async () => {
    const runId = newRun();
    const s = serviceOver(runId);
    await s.relay.tick(); // reads an empty outbox: from here commits tell it everything
    const other = track(openServiceDb(runId, 'order', {}, withoutLiveQueries({ indexedDB, IDBKeyRange })));
    await other.table('outbox').add(outboxRow('stray'));
    expect(await s.relay.tick()).toBe(0); // it holds every row it was told of, and was told of none
    s.clock.set(CHECK_EVERY_MS);
    expect(await s.relay.tick()).toBe(1);
    expect(s.published).toEqual(['stray']);
  });

  it('after a crash before its record, publishes those rows again', async () => {
    const runId = newRun();
    const first = serviceOver(runId);
    await first.commit(2);
    await first.relay.tick();
    first.relay.stop(); // the process dies before the record's linger ends
    first.db.close();
    const second = serviceOver(runId);
    await second.relay.tick();
    expect(second.published).toEqual(['e1', 'e2']);
  });
});
