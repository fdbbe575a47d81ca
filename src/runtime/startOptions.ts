// What each worker is given at start, by topology: the one field of the start
// message (workerProtocol.ts) whose shape depends on the process. Types only:
// the topology's conductor fills them, the worker entry reads them.

import type { SimTiming } from '../core/clock';
import type { ServiceConfig } from '../core/service/definition';
import type { PaceName } from '../core/service/pace';

/** A deterministic run's process: ids drawn from `seed` and `salt` (its incarnation), clock starting at `at`. */
export interface DeterministicInit {
  seed: number;
  salt: string;
  at: number;
}

/** A shop service: its settings, whether the run is paused, how simulation time runs, and (deterministic) its seed. */
export interface ServiceStartOptions {
  config: ServiceConfig;
  paused: boolean;
  timing: SimTiming;
  deterministic?: DeterministicInit;
}

/** The broker (shop and CDC runs): how long its log keeps records (null: for ever), paused, and (deterministic) its clock. */
export interface BrokerStartOptions {
  logRetentionMs: number | null;
  paused: boolean;
  deterministic?: DeterministicInit;
}

/** A process of a topology whose steps the scheduler grants in a deterministic run (absent: a live run). */
export interface SteppedStartOptions {
  deterministic?: DeterministicInit;
}

/** An event-sourced store (`orders`, `bank`): how often it snapshots a stream. */
export interface EsStoreStartOptions extends SteppedStartOptions {
  snapshotEvery: number;
}

/** The processes that run at a pace (the event-sourced query service, the CDC connector and search service). */
export interface PacedStartOptions extends SteppedStartOptions {
  pace: PaceName;
}

/** The CDC run's legacy listings service: the seed its random writes are drawn from. */
export interface ListingsStartOptions extends SteppedStartOptions {
  seed: number;
}
