// Runs a shop run until a guide step's beat: a deterministic run one granted
// step at a time, checking the beat after each, so the step stops on the very
// step that brought it (the crash, not the restart the scheduler may grant
// next); a live run runs itself, so it is only waited on. Bounded either way:
// a beat that does not come (the setup was changed, a fault removed) ends
// with a note saying so instead of a guide that hangs.

import type { Beat } from '../../core/scenario/library';
import type { RunMode, SimState } from '../../runtime/controller';
import { plural } from '../format';
import { beatText } from './shopActionText';
import { watchBeat, type BeatReads } from './beats';

export interface UntilRun extends BeatReads {
  readonly mode: RunMode;
  /** Deterministic runs: grants one step. */
  step(): Promise<void>;
  simState(): Pick<SimState, 'done'>;
}

/**
 * At most this many steps: every beat of the library comes within a hundred, and the longest narrative's run
 * ends within about 120; past this a beat is not coming.
 */
export const MAX_STEPS = 1_000;
/** How long a live run is waited on (a planned crash fires when the process gets there, a moment later). */
export const MAX_WAIT_MS = 30_000;
const POLL_MS = 100;

/** Resolves null once `beat` has come; with a note for the guide when it did not. */
export async function runUntil(beat: Beat, run: UntilRun): Promise<string | null> {
  const watch = await watchBeat(beat, run);
  if (watch.nothingToWaitFor) return watch.nothingToWaitFor;
  const missed = `this step’s moment (${beatText(beat)})`;
  if (run.mode === 'live') {
    for (const start = Date.now(); Date.now() - start < MAX_WAIT_MS; await sleep(POLL_MS))
      if (await watch.reached()) return null;
    return `Waited ${MAX_WAIT_MS / 1000} s without ${missed}.`;
  }
  for (let granted = 0; ; granted++) {
    if (await watch.reached()) return null;
    if (run.simState().done)
      return `The run ended after ${plural(granted, 'more step')} without ${missed}: has its setup changed?`;
    if (granted >= MAX_STEPS) return `Stopped after ${plural(granted, 'step')} without ${missed}.`;
    await run.step();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
