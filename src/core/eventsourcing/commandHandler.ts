// Handling a command on an event-sourced aggregate: load, decide, append with
// the version we loaded. If another writer got there first the append fails
// with WrongExpectedVersion: reload and decide again, a bounded number of times.

import { loadAggregate, snapshotDue, snapshotIfDue, type AggregateType } from './aggregate';
import { WrongExpectedVersion, type EventStore, type NewEvent, type StoredEvent } from './eventStore';

export interface Handled<S = unknown> {
  events: StoredEvent[];
  version: number;
  /** The aggregate as this command left it: what a write can return so its caller need not read it back. */
  state: S;
  /** Conflicts met (and retried) before the append went through. */
  conflicts: number;
  snapshotted: boolean;
}

export interface HandleOptions {
  /** Snapshot every N events (0: never). */
  snapshotEvery: number;
  /** Appends tried before giving up on a hot stream. */
  attempts?: number;
  /** Runs between deciding and appending: a test or a staged race puts the other writer here. */
  beforeAppend?: () => Promise<void>;
  /** Told of each conflict before the retry: a staged race reports the store's own words. */
  onConflict?: (error: WrongExpectedVersion) => void;
  /** Runs after the append committed, when a snapshot is due and not yet saved: a crash point goes here. */
  beforeSnapshot?: () => void;
}

export async function handleCommand<S, C>(
  store: EventStore,
  type: AggregateType<S>,
  decide: (state: S, command: C) => NewEvent[],
  id: string,
  command: C,
  options: HandleOptions,
): Promise<Handled<S>> {
  const attempts = options.attempts ?? 3;
  for (let conflicts = 0; ; conflicts++) {
    const loaded = await loadAggregate(store, type, id, { snapshots: options.snapshotEvery > 0 });
    const decided = decide(loaded.state, command);
    if (!decided.length)
      return { events: [], version: loaded.version, state: loaded.state, conflicts, snapshotted: false };
    if (conflicts === 0) await options.beforeAppend?.();
    try {
      const events = await store.append(id, loaded.version, decided);
      const state = events.reduce((s, e) => type.apply(s, e), loaded.state);
      const version = loaded.version + events.length;
      if (snapshotDue(loaded.version, version, options.snapshotEvery)) options.beforeSnapshot?.();
      const snapshotted = await snapshotIfDue(
        store,
        id,
        loaded.version,
        version,
        options.snapshotEvery,
        state,
      );
      return { events, version, state, conflicts, snapshotted };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || conflicts + 1 >= attempts) throw error;
      options.onConflict?.(error);
    }
  }
}
