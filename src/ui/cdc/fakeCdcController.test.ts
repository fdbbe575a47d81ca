// The fake behaves like the run it stands in for, so the page's tests mean
// something: changes reach the read model, a connector killed after publishing
// republishes on restart, and the read model still converges.
import { afterEach, describe, expect, it } from 'vitest';
import type { CdcEvent } from '../../runtime/cdcController';
import { createFakeCdcController, type FakeCdcController } from './fakeCdcController';

let fake: FakeCdcController;
afterEach(() => fake.dispose());

describe('fakeCdcController', () => {
  it('logs each write, snapshots the table first, and settles with the read model equal to the table', async () => {
    fake = createFakeCdcController({ tickMs: 5, writeDelayMs: 0 });
    const id = await fake.write({
      op: 'create',
      listing: { id: 'L-100', title: 'Treehouse above the river', city: 'Kyoto', price: 150, amenities: [] },
    });
    await fake.write({ op: 'update', id, changes: { price: 175 } });
    await fake.writeMany(30);
    await fake.settle();
    const log = await fake.changes('listings');
    expect(log.slice(0, 2).map((c) => c.op)).toEqual(['c', 'u']);
    expect(log[1]).toMatchObject({ before: { price: 150 }, after: { price: 175 } });
    const state = await fake.connector();
    expect(state.sources[0]).toMatchObject({ lag: 0, head: log.length });
    expect(state.snapshotRows).toBeGreaterThan(0);
    expect((await fake.searchDocs()).map((d) => d.id).sort()).toEqual(
      (await fake.listings()).map((l) => l.id).sort(),
    );
    expect(fake.anomalies()).toEqual([]);
  });

  it('republishes after a crash between publish and position, and the read model skips the duplicates', async () => {
    fake = createFakeCdcController({ tickMs: 5, writeDelayMs: 0 });
    const events: CdcEvent[] = [];
    fake.subscribe((batch) => events.push(...batch));
    await fake.settle();
    fake.crashAt('connector', 'cdc-after-publish-before-position');
    await fake.writeMany(20);
    await expect.poll(() => fake.status('connector')).toBe('crashed');
    expect(events).toContainEqual({
      kind: 'crashed',
      process: 'connector',
      point: 'cdc-after-publish-before-position',
    });
    await expect(fake.connector()).rejects.toThrow(/connector is crashed/);
    await fake.restart('connector');
    await fake.settle();
    expect((await fake.connector()).duplicates).toBeGreaterThan(0);
    const skipped = events.reduce((n, e) => n + (e.kind === 'cdc-applied' ? e.duplicates : 0), 0);
    expect(skipped).toBeGreaterThan(0);
    expect(fake.anomalies()).toEqual([]);
  });

  it('answers a search from the documents: every word, and the city when given', async () => {
    fake = createFakeCdcController({ tickMs: 5 });
    await fake.write({
      op: 'create',
      listing: { id: 'L-100', title: 'Treehouse above the river', city: 'Kyoto', price: 150, amenities: [] },
    });
    await fake.settle();
    expect(await fake.search('treehouse river', 'Kyoto')).toEqual(['L-100']);
    expect(await fake.search('treehouse', 'Lisbon')).toEqual([]);
  });
});
