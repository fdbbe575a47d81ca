// The event-sourced run's facts folded: each store's tables as its reports
// give them (`appended` events whole, with their global position, and the
// stream's new version; `snapshot` with the state saved), the query service's
// database from its commits, and which processes are down (the conductor's
// `crashed` and `process` facts). esMoment.ts turns that into snapshot()'s
// shape. Pure.

import type { EsFact, EsProcess } from '../eventsourcing/esTypes';
import type { EsSystemSnapshot } from '../eventsourcing/esInvariants';
import type { Change } from '../telemetry';
import type { HistoryEntry, HistoryFold } from './factHistory';
import type { Found, HistorySpec } from './historySpec';
import { esSnapshotOf } from './esMoment';
import { tablesInspect } from './tablesInspect';
import { TablesMirror } from './tablesMirror';

export interface EsState {
  dbs: TablesMirror;
  /** Processes crashed (or not yet running again) as of this moment. */
  down: Set<EsProcess>;
}

/** What only the conductor sees: a process died, or its status changed (started, restarted). */
type LifecycleFact =
  { kind: 'crashed'; process: EsProcess } | { kind: 'process'; process: EsProcess; status: string };

/** An `appended` report as the commit it was: its events put under their positions. */
function appendedAsCommit(fact: { kind: string }): { db: string; changes: Change[] } | null {
  const f = fact as EsFact;
  if (f.kind !== 'appended') return null;
  return {
    db: f.store,
    changes: f.events.map((e) => ({ table: 'events', op: 'put' as const, key: e.position, row: { ...e } })),
  };
}

/** A commit of any database the run's facts name: a store's append, or the query service's transaction. */
function commitOf(fact: { kind: string }): { db: string; changes: Change[] } | null {
  const f = fact as EsFact;
  return f.kind === 'query-commit' ? { db: 'query', changes: f.changes } : appendedAsCommit(fact);
}

export const esFold: HistoryFold<EsFact | LifecycleFact, EsState> = {
  empty: () => ({ dbs: new TablesMirror(), down: new Set() }),
  clone: (s) => ({ dbs: s.dbs.clone(), down: new Set(s.down) }),
  compact: (s) => ({ dbs: s.dbs.flatten(), down: new Set(s.down) }),
  letGo: (s) => s.dbs.letGoOldest(),
  apply(s, fact) {
    switch (fact.kind) {
      case 'appended': {
        const last = fact.events.at(-1);
        if (!last) return;
        // The append's transaction also moved its stream's version (the streams table).
        const stream: Change = {
          table: 'streams',
          op: 'put',
          key: last.stream,
          row: { id: last.stream, version: last.version },
        };
        s.dbs.commit(fact.store, [...appendedAsCommit(fact)!.changes, stream]);
        return;
      }
      case 'snapshot': {
        const { stream, version, state } = fact;
        s.dbs.commit(fact.store, [
          { table: 'snapshots', op: 'put', key: [stream, version], row: { stream, version, state } },
        ]);
        return;
      }
      case 'query-commit':
        s.dbs.commit('query', fact.changes);
        return;
      case 'crashed':
        s.down.add(fact.process);
        return;
      case 'process':
        if (fact.status === 'running') s.down.delete(fact.process);
        else s.down.add(fact.process);
        return;
    }
  },
};

export function esMoment(s: EsState): EsSystemSnapshot {
  return esSnapshotOf(s.dbs, s.down);
}

/** An event by its global position (`event`), or a read-model row, with the rows its transaction wrote. */
export function esInspect(
  s: EsState,
  facts: readonly HistoryEntry<{ kind: string }>[],
  kind: string,
  id: string,
  service?: string,
): Found {
  return tablesInspect(s.dbs, facts, kind, id, {
    only: service,
    databases: ['orders', 'bank', 'query'],
    tableOf: (k) => (k === 'event' ? 'events' : k),
    commitsOf: commitOf,
  });
}

/** The event-sourced run's history: the stores' tables, the read models and who is down, as of any moment. */
export const esHistory: HistorySpec<EsState, EsSystemSnapshot> = {
  fold: esFold as HistorySpec<EsState, EsSystemSnapshot>['fold'],
  moment: esMoment,
  inspect: esInspect,
};
