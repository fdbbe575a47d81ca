// What a topology without a hand-written stepping (event-sourced, CDC) says
// of its deterministic mode: its sim world over the run's workers, which of
// its calls are commands (each waits for a step of its own, run under the
// step's name), and its end-state fingerprint. The conductor does the rest
// (see run/Conductor.ts: `stepping`, `stepOrCall`).

import type { Scenario } from '../../core/scenario/scenario';
import type { SimWorld } from '../../core/sim/simWorld';
import type { ProcessStatus } from '../controller';
import type { SteppingContext } from '../run/conductorTypes';

/** The run's workers as its world reaches them: straight, not through a deterministic run's command routing. */
export interface SteppedRun<P extends string> {
  status(process: P): ProcessStatus;
  call<T>(process: P, method: string, ...args: unknown[]): Promise<T>;
}

export interface SteppingSpec<P extends string> {
  world(run: SteppedRun<P>, context: SteppingContext<P, unknown>, scenario: Scenario): SimWorld;
  commands: Partial<Record<P, Readonly<Record<string, string>>>>;
  /** A fingerprint of every database of the run, read straight from IndexedDB. */
  stateHash(runId: string): Promise<string>;
}
