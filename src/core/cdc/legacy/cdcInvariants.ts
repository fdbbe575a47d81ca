// The invariants of a CDC run, over what its processes report once settled:
// every committed change of the listings log is at or below the connector's
// stored position (no-change-unpublished), and the search read model equals
// the listings table field by field (cdc-read-model-matches-source), and each
// listing's event stream replays to its row (cdc-history-replays-source, in
// historyInvariant.ts). Pure functions, same Anomaly shape as the shop's
// checker (src/core/invariants.ts).

import type { Anomaly } from '../../invariantCatalogue';
import type { ListingRow, SearchDocRow } from '../cdcTypes';
import type { ChangeRow } from '../changeEvent';
import { unpublishedChanges } from '../changeInvariants';
import { historyMismatches } from './historyInvariant';
import { toSearchDoc } from './listingData';
import type { ListingEventRow } from './listingHistory';
import { LISTINGS_SERVICE } from './listingsDb';

export interface CdcSystemSnapshot {
  listings: ListingRow[];
  /** The listings log above the connector's stored position (the rest cannot be unpublished). */
  changesAbovePosition: ChangeRow[];
  /** The connector's stored position in the listings log (its `seq`; 0 before it stored any). */
  position: number;
  /** The query service's search documents (tombstones are kept apart and never count as documents). */
  docs: SearchDocRow[];
  /** The query service's event store of the listings' history: every stream's events. */
  history: ListingEventRow[];
}

/** How many mismatched listings are described one by one; the rest are counted in one more anomaly. */
const MAX_DESCRIBED = 20;

/** The invariants hold only at rest: while changes are on their way, a lagging read model is expected. */
export function checkCdcInvariants(
  snapshot: CdcSystemSnapshot,
  { settled }: { settled: boolean },
): Anomaly[] {
  if (!settled) return [];
  return [
    ...unpublishedChanges(LISTINGS_SERVICE, snapshot.changesAbovePosition, snapshot.position),
    ...readModelMismatches(snapshot.listings, snapshot.docs),
    ...historyMismatches(snapshot.listings, snapshot.history),
  ];
}

const FIELDS = ['title', 'city', 'price', 'words'] as const;

export function readModelMismatches(
  listings: readonly ListingRow[],
  docs: readonly SearchDocRow[],
): Anomaly[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const found: string[] = [];
  for (const listing of listings) {
    const doc = byId.get(listing.id);
    byId.delete(listing.id);
    if (!doc) {
      found.push(`listing ${listing.id} ("${listing.title}") has no search document`);
      continue;
    }
    const expected = toSearchDoc(listing, doc.sourceSeq);
    const differ = FIELDS.filter((f) => JSON.stringify(doc[f]) !== JSON.stringify(expected[f]));
    if (differ.length)
      found.push(
        `the search document of ${listing.id} differs from the table in ${differ.map((f) => `${f} (${JSON.stringify(doc[f])}, table says ${JSON.stringify(expected[f])})`).join(', ')}`,
      );
  }
  for (const doc of byId.values())
    found.push(`search document ${doc.id} ("${doc.title}") has no listing: it was deleted, or never existed`);
  const anomalies: Anomaly[] = found.slice(0, MAX_DESCRIBED).map((message) => ({
    invariant: 'cdc-read-model-matches-source',
    message: `Search read model: ${message}.`,
  }));
  if (found.length > MAX_DESCRIBED)
    anomalies.push({
      invariant: 'cdc-read-model-matches-source',
      message: `Search read model: ${found.length - MAX_DESCRIBED} more listings differ from their documents.`,
    });
  return anomalies;
}
