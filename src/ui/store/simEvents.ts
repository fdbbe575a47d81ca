// Pure helpers for the scheduler's and the fault plan's events, kept apart
// from the reducer's switch so each rule is named and tested on its own.

import type { SimState } from '../../runtime/controller';
import type { FiredFault } from './types';

/**
 * Appends a fired fault unless the very same report is already there: a new
 * listener may be told the run's history again (StrictMode subscribes twice).
 */
export function withFired(fired: readonly FiredFault[], entry: FiredFault): readonly FiredFault[] {
  const seen = fired.some(
    (f) =>
      f.index === entry.index &&
      f.at === entry.at &&
      f.step === entry.step &&
      f.description === entry.description,
  );
  return seen ? fired : [...fired, entry];
}

export function firedLogText(entry: FiredFault): string {
  const when = entry.step === null ? '' : ` (step ${entry.step})`;
  return `fault ${entry.index + 1} fired${when}: ${entry.description}`;
}

/**
 * In a deterministic run Play and Pause start and stop the scheduler, so the
 * scheduler's `running` is what the button must show (Step pauses it, too).
 * A live run's SimState says nothing about pausing.
 */
export function playingAfter(sim: SimState, playing: boolean): boolean {
  return sim.mode === 'deterministic' ? sim.running : playing;
}
