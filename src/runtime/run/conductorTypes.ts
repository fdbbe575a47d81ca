// What the one conductor is opened with, what a (re)starting process's
// options are made from, and what a topology's sim world is built with.

import type { Scenario } from '../../core/scenario/scenario';
import type { DeterministicInit } from '../startOptions';
import type { RunEvent } from './runEvents';

export interface ConductorOptions {
  runId?: string;
  /** What to run; what it leaves out is the default scenario's. */
  scenario?: Partial<Scenario>;
  /** The run existed before this page: new process lives must not repeat the ids of earlier ones. */
  resumed?: boolean;
}

/** What a (re)starting process's options are made from. */
export interface StartContext {
  restarting: boolean;
  /** A deterministic run's process: its seed, id salt and clock; absent in a live run. */
  deterministic?: DeterministicInit;
}

/** What a topology's sim world is built with (Conductor's `stepping` slot). */
export interface SteppingContext<P extends string, E> {
  seed: number;
  speed: number;
  /** Steps to grant before handing over, for a fresh run (a link's `at`). */
  at: number;
  resumed: boolean;
  paused: boolean;
  /** Restarts a crashed process at simulation time `at` (a step of the world). */
  restart(process: P, at: number): Promise<void>;
  /** Simulation time before which a planned outage keeps `process` down. */
  comesBackAt(process: P): number;
  /** How many times slower the plan makes a consumer group. */
  slowness(group: string): number;
  publish(events: (E | RunEvent<P>)[]): void;
}
