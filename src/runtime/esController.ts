// What the UI may ask of an event-sourced run (topology 'event-sourced'), and
// what it hears back. Three processes, each a real worker with its own
// IndexedDB: `orders` and `bank` keep event stores; `query` projects their
// events into read models. EsConductor implements it.

import type { RunStart } from './runStart';
import type { RunHistoryReads } from './historyReads';
import type { StoredEvent } from '../core/eventsourcing/eventStore';
import type { OrderCommand } from '../core/eventsourcing/orderAggregate';
import type { AccountCommand } from '../core/eventsourcing/bankAggregate';
import type {
  AggregateAt,
  CommandResult,
  EsFact,
  EsProcess,
  LoadStat,
  ProjectionLag,
  ReadModelName,
  StreamInfo,
} from '../core/eventsourcing/esTypes';
import type { ReadYourWritesRemedy, ReadYourWritesResult } from '../core/eventsourcing/readYourWrites';
import type { CrashPoint } from '../core/crashPoints';
import type { Anomaly } from '../core/invariantCatalogue';
import type { Scenario } from '../core/scenario/scenario';
import type { ProcessStatus, SteppedRun } from './controller';
import type { RunEvent } from './run/runEvents';

// The shapes live in core (the workers build them); re-exported here so the UI imports one module.
export type {
  AggregateAt,
  CommandResult,
  EsProcess,
  LoadStat,
  ProjectionLag,
  ReadModelName,
  StreamInfo,
  ReadYourWritesRemedy,
  ReadYourWritesResult,
};
export type { EsStoreName as EsStore } from '../core/eventsourcing/esTypes';
export { ES_CRASH_POINTS, ES_PROCESSES, READ_MODEL_NAMES } from '../core/eventsourcing/esTypes';

export type EsEvent =
  /** `armed`: the crash point armed in that process, if any (EsConductor always says). */
  | { kind: 'process'; process: EsProcess; status: ProcessStatus; armed?: CrashPoint | null }
  /** What the workers report: appended, conflict, snapshot, projected, rebuild-progress, grow-progress, error. */
  | EsFact
  | { kind: 'crashed'; process: EsProcess; point: string }
  | { kind: 'anomalies'; anomalies: Anomaly[]; settled: boolean }
  | { kind: 'error'; code: string; message: string }
  /** What every run's conductor tells besides: the fault plan and what of it fired, its clock (RunEvent). */
  | RunEvent<EsProcess>;

export interface EsController extends SteppedRun, RunHistoryReads, RunStart {
  readonly topology: 'event-sourced';
  readonly runId: string;
  scenario(): Scenario;
  subscribe(listener: (events: EsEvent[]) => void): () => void;
  status(process: EsProcess): ProcessStatus;
  crashNow(process: EsProcess): void;
  /** Arms a crash: the process dies the `nth` time (default: next time) it reaches `point` (see ES_CRASH_POINTS). */
  crashAt(process: EsProcess, point: CrashPoint, nth?: number): void;
  restart(process: EsProcess): Promise<void>;

  /** Runs a command on an aggregate: load, decide, append with the expected version (retried on conflict). EsConductor also returns the new state (CommandResult). */
  orderCommand(orderId: string, command: OrderCommand): Promise<{ version: number; conflicts: number }>;
  accountCommand(accountId: string, command: AccountCommand): Promise<{ version: number; conflicts: number }>;
  /** A transfer between accounts: a saga over events (debit, credit, complete); resolves with its id once completed. */
  transfer(from: string, to: string, amount: number): Promise<string>;
  /** Two writers load the same order and append from the same version: one wins, the other gets "wrong expected version" and retries. */
  stageRace(orderId: string): Promise<{ conflicts: number; message: string }>;
  /** Appends `count` ItemAdded/ItemRemoved events to one order (for the "10,000 events" mistake), reporting 'grow-progress'. */
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
