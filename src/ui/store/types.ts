// The shape of the UI's state: a read-only mirror of what the workers reported,
// split into one slice per concern. Data only; the reducer and store live beside it.

import type { RelayStats } from '../../core/service/relayMeter';
import type { SimTiming } from '../../core/clock';
import type { CrashPoint } from '../../core/crashPoints';
import type { Row, ServiceName } from '../../core/rows';
import type { BrokerStats, ProcessName } from '../../core/telemetry';
import type { Fault } from '../../core/faults/faultPlan';
import type { Guards, ProcessStatus, SimState, WorkshopEvent } from '../../runtime/controller';

/** One table's rows by primary key, in arrival order (hydrate order, then new keys appended). */
export type TableMap = ReadonlyMap<unknown, Row>;

/** Table name → rows. A service's tables are whatever its last hydrate and commits named. */
export type ServiceMirror = Readonly<Record<string, TableMap>>;

export type MirrorSlice = Readonly<Record<ServiceName, ServiceMirror>>;

/** What the mirror let go of in one table to stay small (see mirror.ts). */
export interface TableTrim {
  /** Rows dropped and not seen since: the table holds its Map's size plus these. */
  readonly dropped: number;
  /** Keys dropped lately: a later put of one updates a row already counted. */
  readonly recent: ReadonlySet<unknown>;
}

/** Per `service/table`; tables never trimmed have no entry. */
export type TrimSlice = Readonly<Record<string, TableTrim>>;

export interface ProcessState {
  status: ProcessStatus;
  armed: CrashPoint | null;
  /** Where the process last died; cleared once it is running again. */
  crashedAt: CrashPoint | 'manual' | null;
}

/** Processes every run has. */
export type CoreProcess = Exclude<ProcessName, 'orchestrator'>;

/** The orchestrator is only there once the run has reported it: only orchestrated runs have one. */
export type ProcessesSlice = Readonly<Record<CoreProcess, ProcessState>> & {
  readonly orchestrator?: ProcessState;
};

export interface ServiceActivity {
  /** Running totals since the page loaded; edges pulse when they grow. */
  published: number;
  delivered: number;
  duplicates: number;
  handlerFailures: number;
  /** Dual write: events committed locally that the broker never confirmed, so nothing will send them again. */
  publishLost: number;
  /** meta.duplicatesSkipped as the last hydrate read it, and live duplicate facts since. */
  duplicatesAtHydrate: number;
  duplicatesSinceHydrate: number;
  /** The outbox relay's figures as it last reported them (null until it has). */
  relay: RelayStats | null;
}

export type LogKind =
  | 'duplicate'
  | 'handler-failed'
  | 'dead-lettered'
  | 'relay-warning'
  | 'crashed'
  | 'restarting'
  | 'recovered'
  | 'error'
  | 'saga'
  | 'fault';

export interface LogEntry {
  seq: number;
  at: number;
  kind: LogKind;
  process: ProcessName | null;
  text: string;
}

export interface ActivitySlice {
  services: Readonly<Record<ServiceName, ServiceActivity>>;
  /** Newest last, at most LOG_LIMIT entries. */
  log: readonly LogEntry[];
}

export interface ErrorEntry {
  seq: number;
  at: number;
  code: string;
  message: string;
}

export interface Anomaly {
  invariant: string;
  message: string;
}

/** A fault of the plan that went off, as the conductor reported it. */
export interface FiredFault {
  /** Its position in the plan when it fired. */
  index: number;
  description: string;
  /** Simulation time, ms from the run's start. */
  at: number;
  /** The deterministic step it fired in; null in a live run. */
  step: number | null;
}

export interface PlaygroundData {
  mirror: MirrorSlice;
  /** Rows each table dropped to keep the mirror small; totals on the canvas add them back. */
  trims: TrimSlice;
  /** Telemetry arrives faster than anyone can read: the canvas shows counts and latest rows, no moving dots. */
  summarising: boolean;
  processes: ProcessesSlice;
  broker: BrokerStats | null;
  activity: ActivitySlice;
  /** Newest last, at most ERROR_LIMIT entries. */
  errors: readonly ErrorEntry[];
  anomalies: readonly Anomaly[];
  /** When the invariant checker last reported, and whether the system was quiet (settled) then. */
  anomalyCheck: { at: number; settled: boolean } | null;
  /** Whether the system runs: the conductor's 'paused' events, else what the toolbar last asked for. */
  playing: boolean;
  /** The conductor's simulation clock, to count saga deadlines down; null until it reports. */
  timing: SimTiming | null;
  /** The scheduler's latest report; null until the conductor sends one. */
  sim: SimState | null;
  /** The conductor's fault plan; null until announced (the controller's own copy stands in). */
  faultPlan: readonly Fault[] | null;
  /** The duplicate guards as the run's services have them now (null until the run says). */
  guards: Guards | null;
  /** A workshop's split run: who runs each service, as the heartbeats tell it (null: not a workshop run). */
  workshop: WorkshopEvent | null;
  /** Every fault that fired, in the order reported; kept when the plan changes, as history. */
  faultsFired: readonly FiredFault[];
  /** Source of `seq` for log and error entries, so React keys stay unique. */
  seq: number;
}
