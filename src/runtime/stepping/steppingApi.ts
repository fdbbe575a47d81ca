// The scripting calls of deterministic mode on a page run by a PageConductor
// (event-sourced, CDC): the same sim / step / runToEnd / trace / stateHash the
// shop's window.playground has. In a live run `sim` says so and the others
// are refused with the catalogue's NOT_DETERMINISTIC.

import { PlaygroundError } from '../errors';
import type { SimState } from '../controller';
import type { PageStepping } from './pageStepping';

interface SteppedRun {
  readonly stepping: PageStepping<string> | null;
  scenario(): { seed: number };
  settle(timeoutMs?: number): Promise<void>;
}

export type SteppingApi = ReturnType<typeof steppingApi>;

export function steppingApi(conductor: SteppedRun) {
  const deterministic = (): PageStepping<string> => {
    if (!conductor.stepping) throw new PlaygroundError('NOT_DETERMINISTIC');
    return conductor.stepping;
  };
  return {
    /** Where the scheduler stands: steps granted, simulation time, trace hash, done. */
    sim: (): SimState =>
      conductor.stepping?.state() ?? {
        mode: 'live',
        seed: conductor.scenario().seed,
        steps: 0,
        simTime: 0,
        running: true,
        done: false,
        traceHash: null,
        lastStep: null,
      },
    /** Deterministic runs: grant one step. */
    step: async (): Promise<void> => void (await deterministic().step()),
    /** Deterministic runs: grant steps until nothing is left, then check the invariants. */
    runToEnd: async (): Promise<void> => {
      await deterministic()
        .runToEnd()
        .catch((error: Error) => {
          throw new PlaygroundError('RUN_DID_NOT_END', error.message);
        });
      await conductor.settle();
    },
    /** Deterministic runs: one line per granted step. */
    trace: (): string[] => conductor.stepping?.trace() ?? [],
    /** Deterministic runs: a fingerprint of every database of the run, read between two steps. */
    stateHash: (): Promise<string> => deterministic().stateHash(),
  };
}
