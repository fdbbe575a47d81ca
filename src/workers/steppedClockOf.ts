// A deterministic run's process keeps a stepped clock, starting at the time
// its (re)start was granted; each granted step then sets it. Live: none.

import { SteppedClock } from '../core/clock';
import type { WorkerKit } from './workerEntry';

export function steppedClockOf(init: WorkerKit['init']): SteppedClock | undefined {
  if (!init.deterministic) return undefined;
  const clock = new SteppedClock();
  clock.set(init.deterministic.at);
  return clock;
}
