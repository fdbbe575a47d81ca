// The CDC run through its scripting API, on real workers and real IndexedDB:
// the legacy listings service writes its own table, the connector tails the
// change log into the broker, and the query service's search read model must
// equal the table after 100 writes — and again after the connector is killed
// mid-stream and restarted.

import { expect } from '@playwright/test';
import { PlaygroundPage } from './fixtures';
import { callPageApi, pageTest, runQuery } from './pageRun';
import type { Scenario } from '../src/core/scenario/scenario';
import type { ListingRow, SearchDocRow } from '../src/core/cdc/cdcTypes';
import { toSearchDoc } from '../src/core/cdc/legacy/listingData';
import type { CdcPlaygroundApi } from '../src/runtime/cdc/cdcPlaygroundApi';

class CdcPage extends PlaygroundPage {
  /** Opens a CDC run (fast pace unless the patch says otherwise) and waits for its four processes. */
  async openCdc(patch: Partial<Scenario> = {}): Promise<void> {
    await this.open(runQuery('cdc', patch));
  }

  /** Runs a function against the CDC window.playground inside the page. */
  cdc<T, A = undefined>(fn: (api: CdcPlaygroundApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return callPageApi(this.page, fn, arg);
  }
}

const test = pageTest((page) => new CdcPage(page));

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

/** Settles, then compares the read model with the table row by row: each document is what its listing makes. */
async function expectReadModelEqualsTable(run: CdcPage): Promise<ListingRow[]> {
  await run.cdc((api) => api.settle(60_000));
  const listings = byId(await run.cdc((api) => api.listings()));
  const docs = byId(await run.cdc((api) => api.searchDocs()));
  expect(docs.map((d) => d.id)).toEqual(listings.map((l) => l.id));
  const expected: SearchDocRow[] = listings.map((l, i) => toSearchDoc(l, docs[i].sourceSeq));
  expect(docs).toEqual(expected);
  expect(await run.cdc((api) => api.anomalies())).toEqual([]);
  return listings;
}

test('after 100 writes to the legacy table and settle, the search read model equals the listings table', async ({
  run,
}) => {
  await run.openCdc();
  expect(await run.cdc((api) => api.topology)).toBe('cdc');
  const progress = await run.cdc(async (api) => {
    const seen: number[] = [];
    await api.writeMany(100, (done) => seen.push(done));
    return seen;
  });
  expect(progress[progress.length - 1]).toBe(100);
  const listings = await expectReadModelEqualsTable(run);
  expect(listings.length).toBeGreaterThan(8);

  // The log holds every write as a Debezium envelope, and the connector has published all of it.
  const changes = await run.cdc((api) => api.changes('listings'));
  expect(changes.length).toBe(8 + 100);
  expect(new Set(changes.map((c) => c.op))).toEqual(new Set(['c', 'u', 'd']));
  const update = changes.find((c) => c.op === 'u')!;
  expect(update.before!.id).toBe(update.after!.id);
  expect(changes.map((c) => c.source.sequence)).toEqual(changes.map((_, i) => i + 1));
  const connector = await run.cdc((api) => api.connector());
  expect(connector).toMatchObject({
    snapshotRows: 8,
    duplicates: 0,
    sources: [{ service: 'listings', position: { seq: 108 }, head: 108, lag: 0 }],
  });

  // Searches answer from the read model.
  const sample = listings[0];
  const found = await run.cdc((api, l) => api.search(l.title, l.city), sample);
  expect(found).toContain(sample.id);
});

test('the connector killed mid-stream at cdc-after-publish-before-position and restarted: duplicates reported, the read model equals the table again', async ({
  run,
}) => {
  await run.openCdc();
  await run.cdc((api) => api.writeMany(30));
  await expectReadModelEqualsTable(run);

  // Dies after the broker acknowledged its 3rd batch from now, before that batch's position is stored.
  await run.cdc((api) => api.crashAt('connector', 'cdc-after-publish-before-position', 3));
  await run.cdc((api) => api.writeMany(70));
  await expect.poll(() => run.cdc((api) => api.status('connector'))).toBe('crashed');
  // The legacy service never noticed: its writes all committed while the connector was down.
  expect((await run.cdc((api) => api.changes('listings'))).length).toBe(8 + 100);

  await run.cdc((api) => api.restart('connector'));
  await expectReadModelEqualsTable(run);
  const connector = await run.cdc((api) => api.connector());
  expect(connector.duplicates).toBeGreaterThan(0);
  expect(connector.sources[0]).toMatchObject({ position: { seq: 108 }, lag: 0 });
});

test('the connector killed by hand while writes are running, restarted: the read model catches up with the table', async ({
  run,
}) => {
  await run.openCdc();
  await run.cdc((api) => {
    (window as unknown as { writes: Promise<void> }).writes = api.writeMany(100);
  });
  await expect
    .poll(() => run.cdc((api) => api.connector().then((c) => c.sources[0].position.seq)))
    .toBeGreaterThan(20);
  await run.cdc((api) => api.crashNow('connector'));
  expect(await run.cdc((api) => api.status('connector'))).toBe('crashed');
  await run.cdc(() => (window as unknown as { writes: Promise<void> }).writes);
  await run.cdc((api) => api.restart('connector'));
  await expectReadModelEqualsTable(run);
  expect((await run.cdc((api) => api.connector())).sources[0]).toMatchObject({
    position: { seq: 108 },
    lag: 0,
  });
});

test("the scenario's fault plan: the connector dies during its initial snapshot and the query service after a commit; restarted, nothing is lost", async ({
  run,
}) => {
  await run.openCdc({
    faults: [
      { kind: 'crash', service: 'connector', point: 'cdc-during-snapshot', nth: 1 },
      { kind: 'crash', service: 'query', point: 'consumer-after-commit-before-ack', nth: 2 },
    ],
  });
  await expect.poll(() => run.cdc((api) => api.status('connector'))).toBe('crashed');
  await run.cdc((api) => api.writeMany(40));
  await expect.poll(() => run.cdc((api) => api.status('query'))).toBe('crashed');
  await run.cdc((api) => api.restart('connector'));
  await run.cdc((api) => api.restart('query'));
  const listings = await expectReadModelEqualsTable(run);
  // The snapshot ran twice: the first attempt sent the 8 seed rows, the second the table as it was at the restart
  // (no write came after), and counts the rows the first one had sent as duplicates.
  expect(await run.cdc((api) => api.connector())).toMatchObject({
    snapshotRows: 8 + listings.length,
    duplicates: 8,
  });
});

test('the broker killed and restarted while change events flow: the connector retries from its stored position and the model converges', async ({
  run,
}) => {
  await run.openCdc();
  await run.cdc((api) => {
    (window as unknown as { writes: Promise<void> }).writes = api.writeMany(60);
  });
  await expect
    .poll(() => run.cdc((api) => api.connector().then((c) => c.sources[0].position.seq)))
    .toBeGreaterThan(15);
  await run.cdc((api) => api.crashNow('broker'));
  await run.cdc(() => (window as unknown as { writes: Promise<void> }).writes);
  await run.cdc((api) => api.restart('broker'));
  await expectReadModelEqualsTable(run);
});

test('a reload resumes the run from its databases: no second seed or snapshot, the connector goes on from its stored position', async ({
  run,
}) => {
  await run.openCdc();
  await run.cdc((api) => api.writeMany(20));
  const before = await expectReadModelEqualsTable(run);
  const runId = await run.cdc((api) => api.runId);
  await run.page.reload();
  await run.page.waitForFunction(() => window.playground !== undefined);
  await run.cdc((api) => api.ready());
  expect(await run.cdc((api) => api.runId)).toBe(runId);
  expect(byId(await run.cdc((api) => api.listings()))).toEqual(before);
  await run.cdc((api) => api.writeMany(10));
  await expectReadModelEqualsTable(run);
  expect(await run.cdc((api) => api.connector())).toMatchObject({
    snapshotRows: 8,
    duplicates: 0,
    sources: [{ position: { seq: 8 + 30 }, lag: 0 }],
  });
});
