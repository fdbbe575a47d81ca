// What the UI may ask of the running system, and what it hears back. The
// conductor implements it; the UI and window.playground only talk to this.

import type { RunStart } from './runStart';
import type { CrashPoint } from '../core/crashPoints';
import type { Fact, ProcessName } from '../core/telemetry';
import type { Anomaly } from '../core/invariantCatalogue';
import type { ServiceConfig } from '../core/service/definition';
import type { ServiceName } from '../core/rows';
import type { SimTiming } from '../core/clock';
import type { Fault } from '../core/faults/faultPlan';
import type { Scenario } from '../core/scenario/scenario';
import type { LogRow } from '../core/broker/brokerDb';
import type { Snapshot } from './runReads';
import type { PlaceOrderInput } from '../core/services/catalog';
import type { RunHistoryReads } from './historyReads';
import type { ServicePresence } from '../core/workshop/heartbeats';

/** Live: every process free-runs on real time. Deterministic: the conductor grants each step, drawn from a seeded PRNG. */
export type RunMode = 'live' | 'deterministic';

/** Where the run's scheduler stands (in live mode only `mode` and `seed` mean anything). */
export interface SimState {
  mode: RunMode;
  seed: number;
  /** Steps granted so far. */
  steps: number;
  /** Simulation time of the last step, in ms from the run's start. */
  simTime: number;
  /** Granting steps on its own (at the chosen speed) rather than waiting for Step. */
  running: boolean;
  /** Nothing is left to do: every order placed, every message handled, no timer pending. */
  done: boolean;
  /** Hash of the trace so far: two runs of the same scenario and seed agree on it step by step. */
  traceHash: string | null;
  /** The last step granted, in words. */
  lastStep: string | null;
}

/** What any run offers to step it: where the scheduler stands, one step, every step, and play or pause. */
export interface SteppedRun {
  readonly mode: RunMode;
  simState(): SimState;
  step(): Promise<void>;
  runToEnd(): Promise<void>;
  play(): void;
  pause(): void;
}

export type ProcessStatus = 'starting' | 'running' | 'crashed' | 'restarting';

/** The switches a shop run can flip while it runs: every service reads them at each use. */
export type Guards = Pick<ServiceConfig, 'inbox' | 'idempotencyKeys' | 'semanticLocks'>;
export type GuardsEvent = { kind: 'guards'; guards: Guards };

/**
 * A workshop's split run: which services this browser runs and how every other one stands (run live by another
 * browser, down there, or unowned), as the heartbeats tell it (core/workshop/heartbeats.ts).
 */
export type WorkshopEvent = { kind: 'workshop'; run: string; self: string; services: ServicePresence[] };

export type ConductorEvent =
  | Fact
  | { kind: 'process'; process: ProcessName; status: ProcessStatus; armed: CrashPoint | null }
  | { kind: 'error'; code: string; message: string }
  | { kind: 'paused'; paused: boolean }
  /** How simulation time relates to real time now: lets the UI count saga deadlines down. */
  | { kind: 'timing'; timing: SimTiming }
  /** The invariant checker's latest verdict, over a snapshot of every database. */
  | { kind: 'anomalies'; anomalies: Anomaly[]; settled: boolean }
  | { kind: 'sim'; sim: SimState }
  /** The run's fault plan changed (or is announced to a new listener). */
  | { kind: 'fault-plan'; plan: Fault[] }
  /** The duplicate guards as the services run with them now (or announced to a new listener). */
  | GuardsEvent
  | WorkshopEvent
  /** Fault `index` of the plan fired, at simulation time `at` (and deterministic step `step`). */
  | { kind: 'fault-fired'; index: number; description: string; at: number; step: number | null };

export interface Controller extends RunHistoryReads, RunStart {
  placeOrder(input?: Partial<PlaceOrderInput>): Promise<string>;
  placeOrders(count: number): Promise<string[]>;
  play(): void;
  pause(): void;
  /** Arm a crash: the process dies the `nth` time (default: next time) it reaches `point`. */
  crashAt(process: ProcessName, point: CrashPoint, nth?: number): void;
  /** Kill the process now, wherever it is. */
  crashNow(process: ProcessName): void;
  restart(process: ProcessName): Promise<void>;
  /** The services' settings now (pace, inbox, idempotency keys, saga style). */
  readonly config: ServiceConfig;
  /** The processes of this run; `orchestrator` only when the saga is orchestrated. */
  readonly processNames: ProcessName[];
  /** How orders cross services: messages (a saga), or a "before" approach. */
  readonly ordering: 'messaging' | 'direct-calls' | 'two-phase-commit';
  configure(patch: Partial<ServiceConfig>): Promise<void>;
  /** Simulation speed: saga timeouts and retry backoffs run this many times as fast. */
  setSpeed(speed: number): void;
  /** An operator's decision about an orchestrated saga. */
  sagaAction(action: 'retrySaga' | 'skipStep' | 'forceCompensation', sagaId: string): Promise<string>;
  /** Edits one row of business data: payment.customers / payment.settings, inventory.stock / inventory.settings, shipping.regions. */
  editRow(service: ServiceName, table: string, row: Record<string, unknown>): Promise<void>;
  subscribe(listener: (events: ConductorEvent[]) => void): () => void;
  status(process: ProcessName): ProcessStatus;
  readonly mode: RunMode;
  /** The faults planned for this run, in order; each fires at most once. */
  readonly faultPlan: Fault[];
  /** Replaces the plan: faults not yet fired are armed again from the new list. */
  setFaultPlan(plan: Fault[]): Promise<void>;
  /** Names the run's databases; a page address with `?run=` resumes it. */
  readonly runId: string;
  /** Every database of the run, read by its process or, while that one is down, straight from IndexedDB. */
  snapshot(): Promise<Snapshot>;
  /** Every record the broker's log holds, in key order (topic, partition, offset). */
  brokerLog(): Promise<LogRow[]>;
  /** The run as a scenario now (its switches as configured, its current fault plan): what a share link or an export carries. */
  scenario(): Scenario;
  /** Where the run's scheduler stands (in a live run only its mode and seed mean anything). */
  simState(): SimState;
  /** Deterministic mode: grants exactly one step (it pauses free-running first). */
  step(): Promise<void>;
  /** Deterministic mode: grants steps as fast as possible until nothing is left to do. */
  runToEnd(): Promise<void>;
  /** Resolves once nothing is owed anywhere (a deterministic run: once it has run to its end), then checks the invariants again. */
  settle(timeoutMs?: number): Promise<void>;
}
