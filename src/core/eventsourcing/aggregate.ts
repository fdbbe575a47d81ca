// Loading an aggregate: its latest snapshot (if any, and if snapshots are on)
// plus the events after it, folded into state. Reports what the load read, so
// the UI can show the cost of a stream without snapshots.

import type { EventStore, StoredEvent } from './eventStore';
import { upcast, type Upcasters } from './upcasting';

export interface AggregateType<S> {
  name: string;
  initial(id: string): S;
  apply(state: S, event: StoredEvent): S;
  upcasters?: Upcasters;
}

export interface Loaded<S> {
  state: S;
  version: number;
  /** The snapshot the load started from, or null. */
  snapshotVersion: number | null;
  /** Events read and folded after the snapshot. */
  eventsRead: number;
  /** Milliseconds spent reading (snapshot and events) — the rest of a load is folding; only when timed. */
  readMs?: number;
}

export interface LoadOptions {
  /** Use snapshots (when there are any). */
  snapshots: boolean;
  /** State as of this version (time travel); the latest when absent. */
  upTo?: number;
  /** Times the read: a monotonic millisecond clock, as a host's deps give it (EsHostDeps.timer); untimed without. */
  timer?: () => number;
}

export async function loadAggregate<S>(
  store: EventStore,
  type: AggregateType<S>,
  id: string,
  options: LoadOptions,
): Promise<Loaded<S>> {
  const upTo = options.upTo ?? Number.MAX_SAFE_INTEGER;
  const { timer } = options;
  const started = timer?.();
  const snapshot = options.snapshots ? await store.latestSnapshot(id, upTo) : undefined;
  let state = snapshot ? (structuredClone(snapshot.state) as S) : type.initial(id);
  const events = await store.read(id, snapshot?.version ?? 0, upTo);
  const readMs = timer && started !== undefined ? timer() - started : undefined;
  state = foldEvents(type, state, events);
  const version = events.length ? events[events.length - 1].version : (snapshot?.version ?? 0);
  return { state, version, snapshotVersion: snapshot?.version ?? null, eventsRead: events.length, readMs };
}

/** `events` (oldest first, as stored) applied to `state`, each brought up to its current shape first. Pure. */
export function foldEvents<S>(type: AggregateType<S>, state: S, events: readonly StoredEvent[]): S {
  for (const event of events) state = type.apply(state, upcast(event, type.upcasters ?? {}));
  return state;
}

/** Every state a stream went through, version by version: a replay to step through. */
export async function replay<S>(
  store: EventStore,
  type: AggregateType<S>,
  id: string,
): Promise<{ version: number; event: StoredEvent; state: S }[]> {
  let state = type.initial(id);
  const steps: { version: number; event: StoredEvent; state: S }[] = [];
  for (const stored of await store.read(id)) {
    const event = upcast(stored, type.upcasters ?? {});
    state = type.apply(state, event);
    steps.push({ version: stored.version, event, state });
  }
  return steps;
}

/** Snapshot policy: an append that took a stream from `before` to `after` crossed a multiple of `every`. */
export function snapshotDue(before: number, after: number, every: number): boolean {
  return every > 0 && Math.floor(after / every) !== Math.floor(before / every);
}

/** Snapshot policy: after an append that crossed a multiple of `every`, store the state. */
export async function snapshotIfDue<S>(
  store: EventStore,
  id: string,
  before: number,
  after: number,
  every: number,
  state: S,
): Promise<boolean> {
  if (!snapshotDue(before, after, every)) return false;
  await store.saveSnapshot(id, after, state);
  return true;
}
