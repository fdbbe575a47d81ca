// The listings' history as an event store: each change appended to its
// listing's stream at the next version, a repeat skipped by its log sequence
// (and appended again with the check off), a stream replayed to its row, and
// the checker's verdict on a history that holds a change twice.
import { describe, expect, it } from 'vitest';
import type { ListingRow } from '../cdcTypes';
import type { ChangeEvent, ChangeOp } from '../changeEvent';
import { historyMismatches } from './historyInvariant';
import { readHistory, replayStream, streamsOf } from './listingHistory';
import { applyChanges } from './searchProjection';
import { searchDbs } from './testSearchDb';

const searchDb = searchDbs('history');

const listing = (id: string, price: number): ListingRow => ({
  id,
  title: `Loft ${id}`,
  city: 'Lisbon',
  price,
  amenities: ['wifi'],
  updated_at: price,
});

function change(op: ChangeOp, sequence: number, after: ListingRow | null, before: ListingRow | null = null) {
  const event: ChangeEvent<ListingRow> = {
    op,
    before,
    after,
    ts_ms: 0,
    source: { service: 'listings', table: 'listings', txId: `tx-${sequence}`, sequence },
  };
  return event;
}

/** a: created, raised, raised again; b: created, then deleted. */
const LOG = [
  change('c', 1, listing('a', 100)),
  change('c', 2, listing('b', 50)),
  change('u', 3, listing('a', 110), listing('a', 100)),
  change('d', 4, null, listing('b', 50)),
  change('u', 5, listing('a', 120), listing('a', 110)),
];
/** What the table holds after LOG. */
const TABLE = [listing('a', 120)];
/** The connector died after publishing the batch of changes 3 and 4, and published them again. */
const REPUBLISHED = [...LOG.slice(0, 4), ...LOG.slice(2)];

describe('the listings history', () => {
  it('appends each change to its listing’s stream at the next version, and replays each stream to its row', async () => {
    const db = searchDb();
    await applyChanges(db, LOG);
    const streams = streamsOf(await readHistory(db));
    expect([...streams.keys()].sort()).toEqual(['listing-a', 'listing-b']);
    expect(streams.get('listing-a')!.map((e) => [e.version, e.op, e.sourceSeq])).toEqual([
      [1, 'c', 1],
      [2, 'u', 3],
      [3, 'u', 5],
    ]);
    expect(replayStream(streams.get('listing-a')!)).toEqual(listing('a', 120));
    expect(replayStream(streams.get('listing-b')!)).toBeNull();
    expect(historyMismatches(TABLE, await readHistory(db))).toEqual([]);
  });

  it('skips a republished change by its sequence: the same streams as one delivery', async () => {
    const once = searchDb();
    await applyChanges(once, LOG);
    const twice = searchDb();
    for (const event of REPUBLISHED) await applyChanges(twice, [event]);
    expect(await readHistory(twice)).toEqual(await readHistory(once));
    expect(historyMismatches(TABLE, await readHistory(twice))).toEqual([]);
  });

  it('without the check appends the republished changes again, and the checker names the change held twice', async () => {
    const db = searchDb();
    for (const event of REPUBLISHED) await applyChanges(db, [event], { dedupHistory: false });
    const a = streamsOf(await readHistory(db)).get('listing-a')!;
    expect(a.map((e) => e.sourceSeq)).toEqual([1, 3, 3, 5]);
    const messages = historyMismatches(TABLE, await readHistory(db)).map((x) => x.message);
    expect(messages).toContain(
      'Listing history: listing-a holds the change at log sequence 3 twice (v2 and v3).',
    );
    // b's delete came again after it: its stream replays to nothing still, but holds the delete twice.
    expect(messages).toContain(
      'Listing history: listing-b holds the change at log sequence 4 twice (v2 and v3).',
    );
    expect(
      historyMismatches(TABLE, await readHistory(db)).every(
        (x) => x.invariant === 'cdc-history-replays-source',
      ),
    ).toBe(true);
  });

  it('flags a stream that replays to another row than the table’s, and a listing with no stream', () => {
    const events = [
      { stream: 'listing-a', version: 1, op: 'c' as const, sourceSeq: 1, row: listing('a', 100) },
    ];
    expect(historyMismatches([listing('a', 120), listing('z', 1)], events).map((x) => x.message)).toEqual([
      'Listing history: listing-a replays to a different row: price 100, table says 120; updated_at 100, table says 120.',
      'Listing history: listing z ("Loft z") has no stream: its changes never reached the store.',
    ]);
  });

  it('flags an older change appended after a newer one', () => {
    const events = [
      { stream: 'listing-a', version: 1, op: 'c' as const, sourceSeq: 1, row: listing('a', 100) },
      { stream: 'listing-a', version: 2, op: 'u' as const, sourceSeq: 5, row: listing('a', 120) },
      { stream: 'listing-a', version: 3, op: 'u' as const, sourceSeq: 3, row: listing('a', 110) },
    ];
    expect(historyMismatches([listing('a', 120)], events).map((x) => x.message)).toEqual([
      'Listing history: listing-a has v3 (sequence 3) after v2 (sequence 5): replayed, an older change undoes a newer one.',
      'Listing history: listing-a replays to a different row: price 110, table says 120; updated_at 110, table says 120.',
    ]);
  });
});
