// What the one conductor needs to know of a topology before it starts a run
// of it: the processes, the order they start in, where each can crash, which
// worker script each runs, and how its anomaly watcher should pace itself.

import type { CrashPoint } from '../../core/crashPoints';
import type { SteppingSpec } from '../stepping/steppingSpec';

export interface RunFacts<P extends string> {
  /** Every process of the run, in the order subscribers first hear of them. */
  processes: readonly P[];
  /** Groups started one after another, the processes of a group together: a process may need another one up first. */
  startOrder: readonly (readonly P[])[];
  /**
   * Where each process can crash: a crash at a point a process never reaches is refused, and a process missing
   * here is never armed. Absent: every process may be armed at any point (the shop's services share one set).
   */
  crashPoints?: Partial<Record<P, readonly CrashPoint[]>>;
  /** The process that is the run's broker (broker faults go there), if it has one. */
  broker?: P;
  /** Starts the worker script a process runs. */
  spawn(process: P): Worker;
  watch: {
    /** How long to wait for quiet before checking as busy (0: look once). */
    quietWaitMs: number;
    /** While busy, check at most this often. */
    busyCheckEveryMs: number;
    /**
     * Whether a process coming up or going down alone is a reason to check again: so where the workers' reports do
     * not already tell each change (a crash that leaves a connector to republish, say).
     */
    checkAfterLifecycle: boolean;
    /**
     * When a busy live check may read the run's history (its latest moment, folded from the facts) instead of
     * every database: `always` where each process reports its whole database as it starts, so a resumed run's
     * history holds it too; `fresh` where they report only their changes, so only a run recorded from its start
     * has every row; `never` where something the checker reads is never reported as a fact.
     */
    busyFromHistory: 'always' | 'fresh' | 'never';
  };
  /** The topology has a deterministic world (Conductor's `stepping` slot); without one a deterministic link runs live. */
  steps: boolean;
  /** Its deterministic world as a spec (the default `stepping` slot): the world, the commands that wait, the hash. */
  stepping?: SteppingSpec<P>;
  /** Its page has Step and Play: a deterministic run opens paused at step 0 instead of playing by itself. */
  opensPaused: boolean;
}
