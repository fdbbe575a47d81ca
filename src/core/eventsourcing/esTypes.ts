// The event-sourced run's vocabulary: its processes, stores and read models,
// what loading a stream cost, and the facts its workers report. Types and
// constants only; the runtime's EsController re-exports them.

import type { CrashPoint } from '../crashPoints';
import type { Change } from '../telemetry';
import type { StoredEvent } from './eventStore';

export type EsProcess = 'orders' | 'bank' | 'query';
/** The processes that keep an event store (the query service keeps read models instead). */
export type EsStoreName = 'orders' | 'bank';
export type ReadModelName = 'orderSummaries' | 'balances' | 'history';

export const ES_PROCESSES: readonly EsProcess[] = ['orders', 'bank', 'query'];
export const ES_STORE_NAMES: readonly EsStoreName[] = ['orders', 'bank'];
export const READ_MODEL_NAMES: readonly ReadModelName[] = ['orderSummaries', 'balances', 'history'];

/** The crash points each process can reach, so a picker offers only ones that can fire. */
export const ES_CRASH_POINTS: Record<EsProcess, readonly CrashPoint[]> = {
  orders: ['es-after-append-before-snapshot'],
  bank: ['transfer-after-debit-before-credit', 'es-after-append-before-snapshot'],
  query: ['projection-before-checkpoint-commit'],
};

export interface StreamInfo {
  store: EsStoreName;
  id: string;
  version: number;
  /** Version of the newest snapshot, or null. */
  snapshotVersion: number | null;
}

/** What loading an aggregate cost. */
export interface LoadStat {
  snapshots: boolean;
  snapshotVersion: number | null;
  eventsRead: number;
  /** Wall-clock milliseconds the load took inside its worker. */
  ms: number;
  /** Of those, reading the snapshot and the events from IndexedDB. */
  readMs?: number;
}

export interface AggregateAt {
  state: unknown;
  version: number;
  load: LoadStat;
}

/** What a command did: the stream's version after it, conflicts retried, and the aggregate's new state. */
export interface CommandResult {
  version: number;
  conflicts: number;
  state: unknown;
}

export interface ProjectionLag {
  name: ReadModelName;
  /** Events in the stores the projection has not applied yet. */
  behind: number;
  /** Age of the oldest unapplied event, in ms (null when caught up). */
  oldestAgeMs: number | null;
  /** Where the projection stands in its source store (positions of different stores are never mixed). */
  checkpoint: number;
}

/** Facts the event-sourced workers report; each describes something already committed. */
export type EsFact =
  | { kind: 'appended'; store: EsStoreName; events: StoredEvent[] }
  | { kind: 'conflict'; store: EsStoreName; stream: string; message: string }
  /** A snapshot saved: the aggregate's state at `version`, as stored. */
  | { kind: 'snapshot'; store: EsStoreName; stream: string; version: number; state: unknown }
  /** A committed transaction of the query service's database (read models and checkpoints). */
  | { kind: 'query-commit'; changes: Change[] }
  | { kind: 'projected'; name: ReadModelName; checkpoint: number; applied: number }
  | { kind: 'rebuild-progress'; name: ReadModelName; done: number; total: number; finished: boolean }
  /** growOrder's progress: `done` of `total` events appended, the stream now at `version`. */
  | {
      kind: 'grow-progress';
      store: EsStoreName;
      stream: string;
      done: number;
      total: number;
      version: number;
    }
  | { kind: 'error'; code: string; message: string };
