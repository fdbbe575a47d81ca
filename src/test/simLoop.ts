// Grants a deterministic run's steps until nothing is left, in Node: what the
// ES and CDC runners share (the shop's runner also checks invariants per step).

import { traceLine, type Scheduler } from '../core/sim/scheduler';

export interface SimLoopOptions {
  /** A run that never ends is a bug: it fails here with its last step. */
  maxSteps: number;
  /** Between two steps: faults fired, a kill at a logical position. */
  afterStep?: () => void | Promise<void>;
}

export async function grantUntilDone(
  scheduler: Scheduler,
  { maxSteps, afterStep }: SimLoopOptions,
): Promise<void> {
  while (await scheduler.next()) {
    await afterStep?.();
    if (scheduler.steps > maxSteps)
      throw new Error(
        `seed ${scheduler.options.seed} did not end within ${maxSteps} steps; last: ${traceLine(scheduler.trace.at(-1)!)}`,
      );
  }
}
