import { describe, expect, it } from 'vitest';
import type { ListingRow } from '../cdcTypes';
import type { ChangeRow } from '../changeEvent';
import { checkCdcInvariants, type CdcSystemSnapshot } from './cdcInvariants';
import { toSearchDoc } from './listingData';
import { streamOf, type ListingEventRow } from './listingHistory';

const listing = (id: string, price: number): ListingRow => ({
  id,
  title: `Loft ${id}`,
  city: 'Kyoto',
  price,
  amenities: ['garden'],
  updated_at: 0,
});

function changeRow(seq: number, op: 'c' | 'u' | 'd', listingRow: ListingRow): ChangeRow {
  const row = { ...listingRow };
  return {
    seq,
    table: 'listings',
    key: row.id,
    op,
    before: op === 'c' ? null : row,
    after: op === 'd' ? null : row,
    source: { service: 'listings', table: 'listings', txId: `tx-${seq}` },
    ts_ms: 0,
  };
}

/** A settled run where everything holds: two listings, their documents, the connector at the head of the log. */
function healthy(): CdcSystemSnapshot {
  const listings = [listing('a', 10), listing('b', 20)];
  return {
    listings,
    changesAbovePosition: [],
    position: 5,
    docs: listings.map((l, i) => toSearchDoc(l, i + 4)),
    history: historyOf(listings),
  };
}

/** Each listing's stream: its one create, which replays to the row. */
function historyOf(listings: readonly ListingRow[]): ListingEventRow[] {
  return listings.map((row, i) => ({ stream: streamOf(row.id), version: 1, op: 'c', sourceSeq: i + 4, row }));
}

describe('CDC invariants', () => {
  it('find nothing in a healthy settled run', () => {
    expect(checkCdcInvariants(healthy(), { settled: true })).toEqual([]);
  });

  it('catch a connector position behind the log: a committed change never published', () => {
    const snapshot = {
      ...healthy(),
      position: 5,
      changesAbovePosition: [changeRow(6, 'u', listing('a', 11))],
    };
    const anomalies = checkCdcInvariants(snapshot, { settled: true });
    expect(anomalies.map((a) => a.invariant)).toContain('no-change-unpublished');
    expect(anomalies.find((a) => a.invariant === 'no-change-unpublished')?.message).toMatch(
      /change 6 \(u listings a\) was committed but never published; the reader's position is 5/,
    );
  });

  it('catch a read model that missed a change, kept a deleted listing, or lacks one', () => {
    // The history heard of the update; only the read model missed it.
    const updated = [listing('a', 15), listing('b', 20)];
    const missedUpdate = { ...healthy(), listings: updated, history: historyOf(updated) };
    expect(checkCdcInvariants(missedUpdate, { settled: true })).toEqual([
      {
        invariant: 'cdc-read-model-matches-source',
        message:
          'Search read model: the search document of a differs from the table in price (10, table says 15).',
      },
    ]);
    const missedDelete = { ...healthy(), listings: [listing('b', 20)] };
    expect(checkCdcInvariants(missedDelete, { settled: true })[0].message).toMatch(
      /search document a \("Loft a"\) has no listing/,
    );
    const missedCreate = { ...healthy(), listings: [...healthy().listings, listing('c', 30)] };
    expect(checkCdcInvariants(missedCreate, { settled: true })[0].message).toMatch(
      /listing c \("Loft c"\) has no search document/,
    );
  });

  it('compare the searchable words too, not only the columns', () => {
    const snapshot = healthy();
    snapshot.docs[0] = { ...snapshot.docs[0], words: ['garden', 'kyoto'] };
    expect(checkCdcInvariants(snapshot, { settled: true })[0].message).toMatch(
      /differs from the table in words/,
    );
  });

  it('stay quiet while the run is busy: a lagging read model is expected then', () => {
    const snapshot = {
      ...healthy(),
      listings: [listing('a', 99)],
      changesAbovePosition: [changeRow(6, 'u', listing('a', 99))],
    };
    expect(checkCdcInvariants(snapshot, { settled: false })).toEqual([]);
  });

  it('describe at most twenty listings one by one and count the rest', () => {
    const listings = Array.from({ length: 25 }, (_, i) => listing(`l${i}`, i));
    const anomalies = checkCdcInvariants(
      { listings, changesAbovePosition: [], position: 0, docs: [], history: historyOf(listings) },
      { settled: true },
    );
    expect(anomalies).toHaveLength(21);
    expect(anomalies[20].message).toBe('Search read model: 5 more listings differ from their documents.');
  });
});
