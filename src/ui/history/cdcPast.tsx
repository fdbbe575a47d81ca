// The CDC canvas as of a past moment. Its live page folds the run's events
// (processes, traffic, the connector) and polls the tables; a past one folds
// the same recorded events with the page's reducer, and the tables — the
// listings, their change log and the search documents — from the recorded
// commits through the history's own CDC fold (core/history/cdcFold.ts).

import { useMemo, type ReactNode } from 'react';
import { toChangeRecord, type ChangeRow } from '../../core/cdc/changeEvent';
import { cdcFold, type CdcState } from '../../core/history/cdcFold';
import type { CdcEvent, ListingRow, SearchDocRow } from '../../runtime/cdcController';
import { CdcContext, useCdcContext } from '../cdc/CdcContext';
import { applyCdcEvents, initialCdcData, type CdcData } from '../cdc/cdcState';
import { createCdcFactsStore, type CdcFacts } from '../cdc/cdcStore';
import { createPastReplay } from './pastReplay';
import { usePastStore } from './usePastState';

interface CdcPast {
  data: CdcData;
  tables: CdcState;
}

/** The kinds the CDC conductor tells its page (its report), and what only the conductor sees. */
const onPage = (f: { kind: string }) =>
  f.kind === 'commit' || f.kind === 'process' || f.kind === 'crashed' || f.kind.startsWith('cdc-');

const cdcReplay = () =>
  createPastReplay<CdcPast>(
    () => ({ data: initialCdcData(), tables: cdcFold.empty() }),
    (state, facts) => {
      // Folded on a copy and flattened, so a checkpoint stands alone and later moments never change it.
      const tables = cdcFold.clone(state.tables);
      for (const f of facts) cdcFold.apply(tables, f as Parameters<typeof cdcFold.apply>[1]);
      return {
        data: applyCdcEvents(state.data, facts.filter(onPage) as CdcEvent[], 0),
        tables: cdcFold.compact(tables),
      };
    },
    undefined,
    (past) => past.tables.dbs.letGoOldest(),
  );

function toState({ data, tables }: CdcPast): Partial<CdcFacts> {
  const changes = tables.dbs.rows('listings', 'changes') as unknown as ChangeRow[];
  return {
    ...data,
    listings: tables.dbs.rows('listings', 'listings') as unknown as ListingRow[],
    changes: changes.map((row) => toChangeRecord(row).value),
    docs: tables.dbs.rows('query', 'docs') as unknown as SearchDocRow[],
  };
}

const makeStore = () => createCdcFactsStore();

/** Gives its children the CDC page's facts as of the viewed moment (the live ones while viewing now). */
export function CdcMoment({ children }: { children: ReactNode }) {
  const page = useCdcContext();
  const replay = useMemo(cdcReplay, [page.facts]);
  const past = usePastStore(replay, makeStore, toState);
  const value = useMemo(() => (past ? { ...page, facts: past } : page), [past, page]);
  return <CdcContext.Provider value={value}>{children}</CdcContext.Provider>;
}
