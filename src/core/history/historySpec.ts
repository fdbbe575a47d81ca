// What a topology's history is made of — the fold of its facts, the moment
// in its snapshot's shape, and inspect(kind, id): the item whole, the
// committed fact that wrote it, and its causal chain, each link naming its
// kind, service and id so a script (or the inspector) can ask for it in turn.
// Pure types.

import type { HistoryEntry, HistoryFold } from './factHistory';

export interface CausalLink {
  /** A table name (`outbox`, `inbox`, `orders`…), `record`, `saga`, `event` or `change`. */
  kind: string;
  /** The service (or `broker`, or an event store) that holds it. */
  service: string;
  id: string;
  /** Why it is linked, in a few words. */
  via: string;
}

export interface Inspection {
  kind: string;
  service: string;
  id: string;
  /** The row, record, saga or event as it is now (or at the moment asked). */
  item: unknown;
  /** The recorded fact that last wrote it: its place in the history. */
  committed: { seq: number; at: number; step: number | null } | null;
  /** What caused it, nearest first. */
  causes: CausalLink[];
  /** What it caused. */
  effects: CausalLink[];
}

/** What inspect answers before the runtime places the committing fact at its step. */
export type Found = Omit<Inspection, 'committed'> & { committed: HistoryEntry<unknown> | null };

/** A topology's history: `S` its folded state, `V` its snapshot's shape. */
export interface HistorySpec<S, V> {
  fold: HistoryFold<{ kind: string }, S>;
  /** The moment in the shape the run's snapshot() has. */
  moment(state: S): V;
  /** The item `id` of `kind` as of `state`, with its causal chain; throws when there is none. */
  inspect(state: S, facts: readonly HistoryEntry<{ kind: string }>[], kind: string, id: string): Found;
}
