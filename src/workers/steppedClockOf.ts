// A deterministic run's process keeps a stepped clock, starting at the time
// its (re)start was granted; each granted step then sets it, and the facts
// the process reports carry its time. Live: none.

import { SteppedClock } from '../core/clock';
import type { SteppedStartOptions } from '../runtime/startOptions';

export function steppedClockOf(
  options: SteppedStartOptions,
  stampFacts: (now: () => number) => void,
): SteppedClock | undefined {
  if (!options.deterministic) return undefined;
  const clock = new SteppedClock();
  clock.set(options.deterministic.at);
  stampFacts(() => clock.now());
  return clock;
}
