// What the UI may ask of an event-sourced run (topology 'event-sourced'), and
// what it hears back. Three processes, each a real worker with its own
// IndexedDB: `orders` and `bank` keep event stores; `query` projects their
// events into read models. EsConductor implements it.

import type { StoredEvent } from '../core/eventsourcing/eventStore';
import type { OrderCommand } from '../core/eventsourcing/orderAggregate';
import type { AccountCommand } from '../core/eventsourcing/bankAggregate';
import type { Anomaly } from '../core/invariants';
import type { Scenario } from '../core/scenario/scenario';
import type { ProcessStatus } from './controller';

export type EsProcess = 'orders' | 'bank' | 'query';
export type EsStore = 'orders' | 'bank';
export type ReadModelName = 'orderSummaries' | 'balances' | 'history';
export type ReadYourWritesRemedy = 'return-entity' | 'poll-read-model' | 'eventual';

export interface StreamInfo {
  store: EsStore;
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
}

export interface AggregateAt {
  state: unknown;
  version: number;
  load: LoadStat;
}

export interface ProjectionLag {
  name: ReadModelName;
  /** Events in the stores the projection has not applied yet. */
  behind: number;
  /** Age of the oldest unapplied event, in ms (null when caught up). */
  oldestAgeMs: number | null;
  checkpoint: number;
}

export interface ReadYourWritesResult {
  remedy: ReadYourWritesRemedy;
  orderId: string;
  /** What the write returned (the entity itself under 'return-entity'). */
  wrote: unknown;
  /** What the read model said right after the write: null is the "not found" surprise. */
  firstRead: unknown;
  /** What the page finally shows, and after how many reads. */
  shown: unknown;
  reads: number;
}

export type EsEvent =
  | { kind: 'process'; process: EsProcess; status: ProcessStatus }
  | { kind: 'appended'; store: EsStore; events: StoredEvent[] }
  | { kind: 'conflict'; store: EsStore; stream: string; message: string }
  | { kind: 'snapshot'; store: EsStore; stream: string; version: number }
  | { kind: 'projected'; name: ReadModelName; checkpoint: number; applied: number }
  | { kind: 'rebuild-progress'; name: ReadModelName; done: number; total: number; finished: boolean }
  | { kind: 'crashed'; process: EsProcess; point: string }
  | { kind: 'anomalies'; anomalies: Anomaly[]; settled: boolean }
  | { kind: 'error'; code: string; message: string };

export interface EsController {
  readonly topology: 'event-sourced';
  readonly runId: string;
  scenario(): Scenario;
  subscribe(listener: (events: EsEvent[]) => void): () => void;
  status(process: EsProcess): ProcessStatus;
  crashNow(process: EsProcess): void;
  restart(process: EsProcess): Promise<void>;

  /** Runs a command on an aggregate: load, decide, append with the expected version (retried on conflict). */
  orderCommand(orderId: string, command: OrderCommand): Promise<{ version: number; conflicts: number }>;
  accountCommand(accountId: string, command: AccountCommand): Promise<{ version: number; conflicts: number }>;
  /** A transfer between accounts: a saga over events (debit, credit, complete). */
  transfer(from: string, to: string, amount: number): Promise<string>;
  /** Two writers load the same order and append from the same version: one wins, the other gets "wrong expected version" and retries. */
  stageRace(orderId: string): Promise<{ conflicts: number; message: string }>;
  /** Appends `count` ItemAdded/ItemRemoved events to one order (for the "10,000 events" mistake), reporting progress. */
  growOrder(orderId: string, count: number): Promise<void>;

  streams(): Promise<StreamInfo[]>;
  events(aggregateId: string): Promise<StoredEvent[]>;
  /** State as of `version` (latest when absent), loaded with or without snapshots. */
  stateAt(aggregateId: string, version?: number, snapshots?: boolean): Promise<AggregateAt>;
  /** The same load with and without snapshots, for the comparison the UI shows. */
  loadStats(aggregateId: string): Promise<{ withSnapshots: LoadStat; withoutSnapshots: LoadStat }>;

  readModel(name: ReadModelName): Promise<Record<string, unknown>[]>;
  projectionLag(): Promise<ProjectionLag[]>;
  /** Clears a read model and its checkpoint and replays every event; progress arrives as 'rebuild-progress'. */
  rebuildReadModel(name: ReadModelName): Promise<void>;
  /** Writes an order and reads the order summary at once, handled by `remedy`. */
  readYourWrites(remedy: ReadYourWritesRemedy): Promise<ReadYourWritesResult>;

  /** Waits until every projection has caught up and nothing is in flight, then checks the invariants. */
  settle(timeoutMs?: number): Promise<void>;
  anomalies(): Anomaly[];
}
