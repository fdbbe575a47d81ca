import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../random';
import type { ListingRow } from '../cdcTypes';
import type { ChangeEvent, ChangeOp } from '../changeEvent';
import { toSearchDoc } from './listingData';
import { applyChanges, readCounts, readDocs, readTombstones, searchDocs } from './searchProjection';
import { searchDbs } from './testSearchDb';

const searchDb = searchDbs('search');

const listing = (id: string, price: number, title = 'Quiet loft'): ListingRow => ({
  id,
  title,
  city: 'Lisbon',
  price,
  amenities: ['wifi'],
  updated_at: 0,
});

function change(
  op: ChangeOp,
  sequence: number,
  before: ListingRow | null,
  after: ListingRow | null,
): ChangeEvent<ListingRow> {
  return {
    op,
    before,
    after,
    ts_ms: 0,
    source: { service: 'listings', table: 'listings', txId: `tx-${sequence}`, sequence },
  };
}

/** One listing's life: created, updated twice, deleted; and another created and updated. */
const HISTORY = [
  change('c', 1, null, listing('a', 100)),
  change('c', 2, null, listing('b', 50)),
  change('u', 3, listing('a', 100), listing('a', 110)),
  change('u', 4, listing('b', 50), listing('b', 55, 'Sunny studio')),
  change('u', 5, listing('a', 110), listing('a', 120)),
  change('d', 6, listing('a', 120), null),
];

describe('the search projection', () => {
  it('applies c, u and d in order: documents for live listings, a tombstone for the deleted one', async () => {
    const db = searchDb();
    expect(await applyChanges(db, HISTORY)).toEqual({ applied: 6, duplicates: 0, stale: 0 });
    expect(await readDocs(db)).toEqual([toSearchDoc(listing('b', 55, 'Sunny studio'), 4)]);
    expect(await readTombstones(db)).toEqual([{ id: 'a', sourceSeq: 6 }]);
  });

  it('converges to the same model under duplicates and redelivery out of order, and never resurrects a deleted listing', async () => {
    const expected = searchDb();
    await applyChanges(expected, HISTORY);
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      // Every change at least once, some several times, in any order across batches: what republishing and redelivery can do.
      const deliveries = [
        ...HISTORY,
        ...HISTORY.filter(() => random() < 0.5),
        ...HISTORY.filter(() => random() < 0.3),
      ].sort(() => random() - 0.5);
      const db = searchDb();
      for (let i = 0; i < deliveries.length; i += 3) await applyChanges(db, deliveries.slice(i, i + 3));
      expect(await readDocs(db), `seed ${seed}`).toEqual(await readDocs(expected));
      expect(await readTombstones(db), `seed ${seed}`).toEqual([{ id: 'a', sourceSeq: 6 }]);
      const counts = await readCounts(db);
      expect(counts.applied + counts.duplicates + counts.stale).toBe(deliveries.length);
    }
  });

  it('counts the same change again as a duplicate and an older one as stale', async () => {
    const db = searchDb();
    await applyChanges(db, HISTORY);
    expect(await applyChanges(db, [HISTORY[5], HISTORY[0], HISTORY[3], HISTORY[1]])).toEqual({
      applied: 0,
      duplicates: 2,
      stale: 2,
    });
    expect(await readCounts(db)).toEqual({ applied: 6, duplicates: 2, stale: 2 });
  });

  it('lets a newer create past a tombstone (the id was used again)', async () => {
    const db = searchDb();
    await applyChanges(db, HISTORY);
    await applyChanges(db, [change('c', 9, null, listing('a', 300))]);
    expect((await readDocs(db)).map((d) => [d.id, d.price, d.sourceSeq])).toEqual([
      ['a', 300, 9],
      ['b', 55, 4],
    ]);
    expect(await readTombstones(db)).toEqual([]);
  });

  it('answers searches from the read model: every word, and the city when given', async () => {
    const db = searchDb();
    await applyChanges(db, [
      change('r', 3, null, listing('x', 80, 'Sunny loft')),
      change('r', 3, null, { ...listing('y', 90, 'Sunny cabin'), city: 'Porto' }),
    ]);
    expect(await searchDocs(db, 'sunny')).toEqual(['x', 'y']);
    expect(await searchDocs(db, 'Sunny LOFT')).toEqual(['x']);
    expect(await searchDocs(db, 'sunny', 'porto')).toEqual(['y']);
    expect(await searchDocs(db, 'wifi cabin')).toEqual(['y']);
    expect(await searchDocs(db, 'sauna')).toEqual([]);
  });
});
