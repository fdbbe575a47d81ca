// The CDC run's processes together, in Node: the listings service, the
// connector with its own database, a real broker and the query service, as the
// workers run them. Crashes close a host as a worker's end would.

import { afterEach, describe, expect, it } from 'vitest';
import { isCrash } from '../core/crash';
import { checkCdcInvariants } from '../core/cdc/legacy/cdcInvariants';
import { SEED_LISTINGS } from '../core/cdc/legacy/listingData';
import { toSearchDoc } from '../core/cdc/legacy/listingData';
import { CdcHarness } from './cdcHarness';

let h: CdcHarness;
afterEach(() => h?.close());

const SEED_IDS = SEED_LISTINGS.map((l) => l.id);
const snapshotIds = (seq: number, ids = SEED_IDS) =>
  ids.map((id) => `listings.listings:${seq}:snapshot:${id}`);
const logIds = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `listings.listings:${from + i}`);
const sorted = (ids: string[]) => [...ids].sort();

/** Broker and listings up; the connector built but driven by the test (no loop). */
async function manualConnector(): Promise<CdcHarness> {
  h = new CdcHarness();
  await h.startBroker();
  await h.startListings();
  await h.startConnector({ loop: false });
  return h;
}

describe('the CDC connector as a process', () => {
  it('snapshots the seed listings as op r, then follows the log; its position survives a restart and it resumes there', async () => {
    await manualConnector();
    await h.connector().connect();
    const seq = SEED_IDS.length;
    expect(sorted(await h.published())).toEqual(sorted(snapshotIds(seq)));

    await h.listings().writeMany(5);
    await h.connector().drain();
    expect((await h.connector().state()).sources[0]).toEqual({
      service: 'listings',
      position: { seq: seq + 5 },
      head: seq + 5,
      lag: 0,
    });

    h.kill('connector');
    await h.listings().writeMany(3);
    await h.startConnector({ loop: false });
    expect((await h.connector().state()).sources[0]).toMatchObject({ position: { seq: seq + 5 }, lag: 3 });
    await h.connector().connect();
    await h.connector().drain();
    // No second snapshot, nothing twice: exactly the three changes made while it was down.
    expect(sorted(await h.published())).toEqual(sorted([...snapshotIds(seq), ...logIds(seq + 1, seq + 8)]));
    expect(await h.connector().state()).toMatchObject({ published: 16, duplicates: 0, snapshotRows: 8 });
  });

  it('killed at cdc-after-publish-before-position, it publishes that batch again after a restart and reports the duplicates', async () => {
    await manualConnector();
    await h.connector().connect();
    await h.listings().writeMany(6);
    h.connector().arm('cdc-after-publish-before-position', 1);
    const crashed = await h
      .connector()
      .drain()
      .catch((e: unknown) => e);
    expect(isCrash(crashed)).toBe(true);
    expect(h.crashes).toEqual([{ process: 'connector', point: 'cdc-after-publish-before-position' }]);
    // The broker has the first batch (4 changes); the stored position does not.
    expect((await h.published()).length).toBe(8 + 4);

    await h.startConnector({ loop: false });
    await h.connector().connect();
    await h.connector().drain();
    const ids = await h.published();
    expect(ids.length).toBe(8 + 4 + 6);
    expect(new Set(ids).size).toBe(8 + 6);
    expect(await h.connector().state()).toMatchObject({
      duplicates: 4,
      published: 18,
      sources: [{ lag: 0 }],
    });
    // Two snapshot batches, the batch that crashed, its republish (4 duplicates) with the rest.
    const facts = h.reports.filter((r) => r.kind === 'cdc-published');
    expect(facts.map((f) => (f.kind === 'cdc-published' ? f.duplicates : -1))).toEqual([0, 0, 0, 4, 0]);
  });

  it('killed during the initial snapshot, it starts the snapshot over on restart; the rows sent twice count as duplicates', async () => {
    h = new CdcHarness({ pace: { pollMs: 5, batch: 5, applyDelayMs: 0 } });
    await h.startBroker();
    await h.startListings();
    await h.startConnector({ loop: false });
    h.connector().arm('cdc-during-snapshot', 1);
    expect(
      isCrash(
        await h
          .connector()
          .connect()
          .catch((e: unknown) => e),
      ),
    ).toBe(true);
    expect(h.crashes).toEqual([{ process: 'connector', point: 'cdc-during-snapshot' }]);
    expect((await h.published()).length).toBe(5);

    await h.startConnector({ loop: false });
    await h.connector().connect();
    expect((await h.published()).length).toBe(5 + 8);
    expect(await h.connector().state()).toMatchObject({
      duplicates: 5,
      snapshotRows: 13,
      sources: [{ position: { seq: 8 }, lag: 0 }],
    });
    const done = h.reports.filter((r) => r.kind === 'cdc-snapshot' && r.done);
    expect(done).toEqual([{ kind: 'cdc-snapshot', service: 'listings', rows: 8, seq: 8, done: true }]);
  });
});

describe('the CDC run live: listings, connector, broker and the query service', () => {
  it('keeps the search read model equal to the listings table, through crashes of the connector and of the query service', async () => {
    h = new CdcHarness({ seed: 7 });
    await h.startBroker();
    await h.startListings();
    await h.startConnector();
    await h.startQuery();
    h.connector().arm('cdc-after-publish-before-position', 3);
    h.query().arm('consumer-after-commit-before-ack', 2);
    await h.listings().writeMany(40);
    await until(() => h.dead('connector') && h.dead('query'));
    await h.listings().writeMany(20);
    await h.startConnector();
    await h.startQuery();
    await h.settle();

    expect(h.crashes.map((c) => c.point).sort()).toEqual([
      'cdc-after-publish-before-position',
      'consumer-after-commit-before-ack',
    ]);
    const snapshot = await h.snapshot();
    expect(checkCdcInvariants(snapshot, { settled: true })).toEqual([]);
    // The same check by hand: every listing's document, field by field, and no document without a listing.
    const docs = new Map(snapshot.docs.map((d) => [d.id, d]));
    expect(snapshot.docs.length).toBe(snapshot.listings.length);
    for (const listing of snapshot.listings)
      expect(docs.get(listing.id)).toEqual(toSearchDoc(listing, docs.get(listing.id)!.sourceSeq));
    const stats = await h.query().stats();
    expect(stats.duplicates).toBeGreaterThan(0);
    expect((await h.connector().state()).duplicates).toBeGreaterThan(0);
  });

  it('answers searches from its read model', async () => {
    h = new CdcHarness();
    await h.startBroker();
    await h.startListings();
    await h.startConnector();
    await h.startQuery();
    await h.listings().write({
      op: 'create',
      listing: {
        id: 'L-sauna',
        title: 'Lakeside sauna cabin',
        city: 'Tromso',
        price: 90,
        amenities: ['sauna'],
      },
    });
    await h.listings().write({ op: 'delete', id: 'L-002' });
    await h.settle();
    expect(await h.query().search('sauna')).toEqual(['L-sauna']);
    expect(await h.query().search('cabin', 'Tromso')).toEqual(['L-sauna']);
    expect(await h.query().search('', 'Tromso')).toEqual(['L-sauna']);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
