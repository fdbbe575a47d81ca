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
  /**
   * The item `id` of `kind` as of `state`, with its causal chain; throws when there is none. `service` names
   * which service's row is meant when two hold the same key (payment's and inventory's inbox rows of one message).
   */
  inspect(
    state: S,
    facts: readonly HistoryEntry<{ kind: string }>[],
    kind: string,
    id: string,
    service?: string,
  ): Found;
}

/**
 * A kind may name its service: `payment/inbox` is payment's inbox (`inspect('payment/inbox', id)`), since an id
 * alone is not always one row. A plain kind is looked for in every service, first found wins.
 */
export function qualifiedKind(kind: string): { kind: string; service?: string } {
  const slash = kind.indexOf('/');
  return slash < 0 ? { kind } : { service: kind.slice(0, slash), kind: kind.slice(slash + 1) };
}
