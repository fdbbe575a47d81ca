// The in-process CDC run is the product's run, so the page's tests mean
// something: changes reach the read model, a connector killed after publishing
// republishes on restart, the read model still converges — and the verdicts
// are the real checker's.
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_LISTINGS } from '../core/cdc/legacy/listingData';
import type { CdcController, CdcEvent } from '../runtime/cdcController';
import { createInProcessCdcController } from './inProcessCdcController';
import { until } from './until';

let run: CdcController | undefined;
afterEach(() => run?.dispose());

const TREEHOUSE = {
  id: 'L-100',
  title: 'Treehouse above the river',
  city: 'Kyoto',
  price: 150,
  amenities: [],
};

describe('the in-process CDC controller', () => {
  it('logs each write, snapshots the table first, and settles with the read model equal to the table', async () => {
    run = await createInProcessCdcController();
    const id = await run.write({ op: 'create', listing: TREEHOUSE });
    await run.write({ op: 'update', id, changes: { price: 175 } });
    await run.writeMany(30);
    await run.settle();
    const log = await run.changes('listings');
    // The log starts with the seed listings a fresh service inserts (captured like any write), then ours.
    const ours = log.slice(SEED_LISTINGS.length);
    expect(ours.slice(0, 2).map((c) => c.op)).toEqual(['c', 'u']);
    expect(ours[1]).toMatchObject({ before: { price: 150 }, after: { price: 175 } });
    const state = await run.connector();
    expect(state.sources[0]).toMatchObject({ lag: 0, head: log.length });
    expect(state.snapshotRows).toBeGreaterThan(0);
    expect((await run.searchDocs()).map((d) => d.id).sort()).toEqual(
      (await run.listings()).map((l) => l.id).sort(),
    );
    expect(run.anomalies()).toEqual([]);
  });

  it('republishes after a crash between publish and position, and the read model skips the duplicates', async () => {
    run = await createInProcessCdcController();
    const events: CdcEvent[] = [];
    run.subscribe((batch) => events.push(...batch));
    await run.settle();
    run.crashAt('connector', 'cdc-after-publish-before-position');
    await run.writeMany(20);
    await until(() => run!.status('connector') === 'crashed');
    expect(events).toContainEqual({
      kind: 'crashed',
      process: 'connector',
      point: 'cdc-after-publish-before-position',
    });
    await expect(run.connector()).rejects.toThrow(/connector is crashed/);
    await run.restart('connector');
    await run.settle();
    expect((await run.connector()).duplicates).toBeGreaterThan(0);
    const skipped = events.reduce((n, e) => n + (e.kind === 'cdc-applied' ? e.duplicates : 0), 0);
    expect(skipped).toBeGreaterThan(0);
    expect(run.anomalies()).toEqual([]);
  });

  it('answers a search from the documents: every word, and the city when given', async () => {
    run = await createInProcessCdcController();
    await run.write({ op: 'create', listing: TREEHOUSE });
    await run.settle();
    expect(await run.search('treehouse river', 'Kyoto')).toEqual(['L-100']);
    expect(await run.search('treehouse', 'Lisbon')).toEqual([]);
  });

  it('a broker killed while the connector publishes comes back over its log, and the run still converges', async () => {
    run = await createInProcessCdcController();
    await run.settle();
    const writes = run.writeMany(20);
    run.crashNow('broker');
    expect(run.status('broker')).toBe('crashed');
    await writes;
    await run.restart('broker');
    await run.settle();
    expect((await run.connector()).sources[0].lag).toBe(0);
    expect(run.anomalies()).toEqual([]);
  });
});
