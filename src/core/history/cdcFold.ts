// The CDC run's facts folded into its snapshot's shape: the legacy listings
// table and its change log (from listings' commits), the connector's stored
// position (from its reports after each store), the search documents (from
// the query service's commits), and the listings' history (from them too). Pure.

import type { CdcSystemSnapshot } from '../cdc/legacy/cdcInvariants';
import type { ListingRow, SearchDocRow } from '../cdc/cdcTypes';
import type { ChangeRow } from '../cdc/changeEvent';
import type { ListingEventRow } from '../cdc/legacy/listingHistory';
import type { CdcReport } from '../cdc/cdcTypes';
import type { HistoryEntry, HistoryFold } from './factHistory';
import type { Found, HistorySpec } from './historySpec';
import { tablesInspect } from './tablesInspect';
import { TablesMirror } from './tablesMirror';

export interface CdcState {
  dbs: TablesMirror;
  /** The connector's stored position in the listings log (0 before it stored one). */
  position: number;
}

/** As many changes above the position as the conductor's snapshot reads (cdcReads.ts). */
const UNPUBLISHED_READ_LIMIT = 1000;

export const cdcFold: HistoryFold<CdcReport, CdcState> = {
  empty: () => ({ dbs: new TablesMirror(), position: 0 }),
  clone: (s) => ({ dbs: s.dbs.clone(), position: s.position }),
  compact: (s) => ({ dbs: s.dbs.flatten(), position: s.position }),
  letGo: (s) => s.dbs.letGoOldest(),
  apply(s, fact) {
    if (fact.kind === 'commit') s.dbs.commit(fact.service, fact.changes);
    else if (fact.kind === 'cdc-connector') s.position = fact.state.sources[0]?.position.seq ?? 0;
  },
};

export function cdcMoment(s: CdcState): CdcSystemSnapshot {
  const changes = s.dbs.rows('listings', 'changes') as unknown as ChangeRow[];
  return {
    listings: s.dbs.rows('listings', 'listings') as unknown as ListingRow[],
    changesAbovePosition: changes.filter((c) => (c.seq ?? 0) > s.position).slice(0, UNPUBLISHED_READ_LIMIT),
    position: s.position,
    docs: s.dbs.rows('query', 'docs') as unknown as SearchDocRow[],
    history: s.dbs.rows('query', 'history') as unknown as ListingEventRow[],
  };
}

/** A listing, a change (`change`, by seq) or a search document, with the rows written in the same transaction. */
export function cdcInspect(
  s: CdcState,
  facts: readonly HistoryEntry<{ kind: string }>[],
  kind: string,
  id: string,
  service?: string,
): Found {
  return tablesInspect(s.dbs, facts, kind, id, {
    only: service,
    databases: ['listings', 'query'],
    tableOf: (k) => (k === 'change' ? 'changes' : k),
    commitsOf: (fact) => {
      const f = fact as CdcReport;
      return f.kind === 'commit' ? { db: f.service, changes: f.changes } : null;
    },
  });
}

/** The CDC run's history: listings' and the query service's commits and the connector's stored position. */
export const cdcHistory: HistorySpec<CdcState, CdcSystemSnapshot> = {
  fold: cdcFold as HistorySpec<CdcState, CdcSystemSnapshot>['fold'],
  moment: cdcMoment,
  inspect: cdcInspect,
};
