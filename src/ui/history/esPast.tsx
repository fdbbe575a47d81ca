// The event-sourced canvas as of a past moment. Its live page folds the run's
// events (processes, snapshots seen, conflicts) and polls the stores and the
// query service; a past one folds the same recorded events with the page's
// reducer, and what the live page polls — the streams, the read models and
// their lag — from the recorded commits through the history's own ES fold
// (core/history/esFold.ts). Nothing is guessed: a lag's age needs a "now" the
// past has not got, so it is left unknown.

import { useMemo, type ReactNode } from 'react';
import { esFold, type EsState } from '../../core/history/esFold';
import { PROJECTION_SOURCES, tablesOf } from '../../core/eventsourcing/projectionSources';
import {
  ES_STORE_NAMES,
  READ_MODEL_NAMES,
  type ProjectionLag,
  type ReadModelName,
  type StreamInfo,
} from '../../core/eventsourcing/esTypes';
import type { SnapshotRow, StoredEvent, StreamRow } from '../../core/eventsourcing/eventStore';
import type { EsEvent } from '../../runtime/esController';
import { EsContext, useEsContext } from '../es/EsContext';
import { applyEsEvents, initialEsData, type EsData } from '../es/esState';
import { createEsFactsStore, type EsFacts } from '../es/esStore';
import { createPastReplay } from './pastReplay';
import { usePastStore } from './usePastState';

export interface EsPast {
  data: EsData;
  tables: EsState;
}

/** The kinds the ES conductor tells its page (its report), and what only the conductor sees. */
const ES_PAGE_KINDS = new Set([
  'process',
  'crashed',
  'appended',
  'snapshot',
  'conflict',
  'rebuild-progress',
  'grow-progress',
]);
const onPage = (f: { kind: string }) => ES_PAGE_KINDS.has(f.kind);

export const esReplay = () =>
  createPastReplay<EsPast>(
    () => ({ data: initialEsData(), tables: esFold.empty() }),
    (state, facts) => {
      // Folded on a copy and flattened, so a checkpoint stands alone and later moments never change it.
      const tables = esFold.clone(state.tables);
      for (const f of facts) esFold.apply(tables, f as Parameters<typeof esFold.apply>[1]);
      return {
        data: applyEsEvents(state.data, facts.filter(onPage) as EsEvent[], 0),
        tables: esFold.compact(tables),
      };
    },
    undefined,
    (past) => past.tables.dbs.letGoOldest(),
  );

/** Every store's streams as its tables held them: the live page's polled stream list. */
function streamsOf({ dbs }: EsState): StreamInfo[] {
  return ES_STORE_NAMES.flatMap((store) => {
    const snapshots = new Map<string, number>();
    // [stream+version] order: the last snapshot of a stream is its newest.
    for (const s of dbs.rows(store, 'snapshots') as unknown as SnapshotRow[])
      snapshots.set(s.stream, s.version);
    return (dbs.rows(store, 'streams') as unknown as StreamRow[]).map(({ id, version }) => ({
      store,
      id,
      version,
      snapshotVersion: snapshots.get(id) ?? null,
    }));
  });
}

/** Per read model, as the query service's lag() reads it: its checkpoints against its sources' heads. */
function lagsOf({ dbs }: EsState): ProjectionLag[] {
  const checkpoints = new Map(
    (dbs.rows('query', 'checkpoints') as { name: string; position: number }[]).map((c) => [
      c.name,
      c.position,
    ]),
  );
  const head = (store: string) =>
    Math.max(0, ...(dbs.rows(store, 'events') as unknown as StoredEvent[]).map((e) => e.position ?? 0));
  const byModel = new Map<ReadModelName, ProjectionLag>();
  for (const source of PROJECTION_SOURCES) {
    const checkpoint = checkpoints.get(source.projection.name) ?? 0;
    const seen = byModel.get(source.readModel);
    byModel.set(source.readModel, {
      name: source.readModel,
      behind: (seen?.behind ?? 0) + Math.max(0, head(source.store) - checkpoint),
      oldestAgeMs: null,
      checkpoint: seen ? Math.min(seen.checkpoint, checkpoint) : checkpoint,
    });
  }
  return [...byModel.values()];
}

/** The page's facts as of a past moment: the folded events, and the polled views from the folded tables. */
export function esPastFacts({ data, tables }: EsPast): Partial<EsFacts> {
  // As the query service's readModel(name) reads it: the first table its projection writes.
  const rows = (name: ReadModelName) =>
    tables.dbs.rows('query', tablesOf(name)[0]) as Record<string, unknown>[];
  return {
    ...data,
    streams: streamsOf(tables),
    lags: lagsOf(tables),
    readModels: Object.fromEntries(READ_MODEL_NAMES.map((name) => [name, rows(name)])),
  };
}

const makeStore = () => createEsFactsStore();

/** Gives its children the ES page's facts as of the viewed moment (the live ones while viewing now). */
export function EsMoment({ children }: { children: ReactNode }) {
  const page = useEsContext();
  const replay = useMemo(esReplay, [page.facts]);
  const past = usePastStore(replay, makeStore, esPastFacts);
  const value = useMemo(() => (past ? { ...page, facts: past } : page), [past, page]);
  return <EsContext.Provider value={value}>{children}</EsContext.Provider>;
}
