// Grants a deterministic run's steps until nothing is left, in Node: what the
// ES and CDC runners share (the shop's runner also checks invariants per step).
// Between two steps, crashes that fired are told to the fault ledger with
// their step, and planned kills land at their logical position.

import type { CrashPoint } from '../core/crashPoints';
import type { FaultLedger } from '../core/faults/faultLedger';
import type { Anomaly } from '../core/invariantCatalogue';
import { traceLine, type Scheduler } from '../core/sim/scheduler';

/** What every topology's deterministic run in Node reports. */
export interface RunOutcome {
  traceHash: string;
  stateHash: string;
  trace: string[];
  anomalies: Anomaly[];
  steps: number;
  crashes: { process: string; point: CrashPoint | 'manual' }[];
}

export interface SimLoopOptions<P extends string> {
  /** A run that never ends is a bug: it fails here with its last step. */
  maxSteps: number;
  ledger: FaultLedger;
  /** Every crash so far, oldest first (the harness's list). */
  crashes: () => readonly { process: string; point: string }[];
  /** Processes ended where they stand right after step `step`. */
  kills: readonly { process: P; step: number }[];
  kill: (process: P) => void;
  /** Told after each step, once its crashes and kills are in. */
  afterStep?: (steps: number) => Promise<void>;
}

export async function grantUntilDone<P extends string>(
  scheduler: Scheduler,
  { maxSteps, ledger, crashes, kills, kill, afterStep }: SimLoopOptions<P>,
): Promise<Pick<RunOutcome, 'traceHash' | 'trace' | 'steps'>> {
  let seen = 0;
  while (await scheduler.next()) {
    const all = crashes();
    for (const c of all.slice(seen)) ledger.onCrash(c.process, c.point, scheduler.time, scheduler.steps);
    seen = all.length;
    for (const k of kills) if (k.step === scheduler.steps) kill(k.process);
    await afterStep?.(scheduler.steps);
    if (scheduler.steps > maxSteps)
      throw new Error(
        `seed ${scheduler.options.seed} did not end within ${maxSteps} steps; last: ${traceLine(scheduler.trace.at(-1)!)}`,
      );
  }
  return { traceHash: scheduler.traceHash, trace: scheduler.trace.map(traceLine), steps: scheduler.steps };
}
