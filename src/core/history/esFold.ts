// The event-sourced run's facts folded: each store's events as its
// `appended` reports gave them (whole, with their global position). What the
// reports do not carry is not rebuilt: a snapshot report names its stream and
// version but not its state, and the query service reports how far each
// projection got but not its rows, so a past moment of the stores' audit and
// the read models cannot be derived from the facts — `esMoment` says so
// instead of guessing. Pure.

import type { EsFact } from '../eventsourcing/esTypes';
import type { Change } from '../telemetry';
import type { HistoryEntry, HistoryFold } from './factHistory';
import type { Found, HistorySpec } from './historySpec';
import { tablesInspect } from './tablesInspect';
import { TablesMirror } from './tablesMirror';

export interface EsState {
  dbs: TablesMirror;
}

/** An `appended` report as the commit it was: its events put under their positions. */
function appendedAsCommit(fact: { kind: string }): { db: string; changes: Change[] } | null {
  const f = fact as EsFact;
  if (f.kind !== 'appended') return null;
  return {
    db: f.store,
    changes: f.events.map((e) => ({ table: 'events', op: 'put' as const, key: e.position, row: { ...e } })),
  };
}

export const esFold: HistoryFold<EsFact, EsState> = {
  empty: () => ({ dbs: new TablesMirror() }),
  clone: (s) => ({ dbs: s.dbs.clone() }),
  compact: (s) => ({ dbs: s.dbs.flatten() }),
  apply(s, fact) {
    const commit = appendedAsCommit(fact);
    if (commit) s.dbs.commit(commit.db, commit.changes);
  },
};

export const ES_MOMENT_MISSING =
  "an event-sourced run's past snapshot is not derivable from its facts yet: snapshot reports carry no state and " +
  "the query service reports no read-model rows (history() and inspect('event', position) work)";

export function esMoment(_state: EsState): never {
  throw new Error(ES_MOMENT_MISSING);
}

/** An event by its global position (`event`), with the events appended in the same transaction. */
export function esInspect(
  s: EsState,
  facts: readonly HistoryEntry<{ kind: string }>[],
  kind: string,
  id: string,
  service?: string,
): Found {
  return tablesInspect(s.dbs, facts, kind, id, {
    only: service,
    databases: ['orders', 'bank'],
    tableOf: (k) => (k === 'event' ? 'events' : k),
    commitsOf: appendedAsCommit,
  });
}

/** The event-sourced run's history: the stores' appended events, whole (its moment is refused, see esMoment). */
export const esHistory: HistorySpec<EsState, never> = {
  fold: esFold as HistorySpec<EsState, never>['fold'],
  moment: esMoment,
  inspect: esInspect,
};
