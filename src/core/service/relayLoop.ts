// The loop both outbox relays run. A pass publishes what it finds; a pass that
// filled its batch goes on at once (there is more), one that did not waits —
// for a commit to wake it or for the interval to end. A commit that landed
// during the pass is latched by the Waker, so it is picked up at once rather
// than after the interval; a pass that found less than a batch does not read
// again just to find nothing.

import type { Clock, Waker } from '../clock';
import type { CrashSwitch } from '../crash';
import { isCrash } from '../crash';

export interface RelayLoop {
  stopped(): boolean;
  paused(): boolean;
  /** One pass: how much it did. */
  tick(): Promise<number>;
  /** Whether a pass that did `done` should run again without waiting. */
  more(done: number): boolean;
  waker: Waker;
  clock: Clock;
  /** How long to wait when there is nothing more, in real milliseconds. */
  intervalMs(): number;
  crash: CrashSwitch;
}

export async function runRelayLoop(loop: RelayLoop): Promise<void> {
  try {
    while (!loop.stopped() && !loop.crash.dead) {
      const done = loop.paused() ? 0 : await loop.tick();
      if (!loop.more(done)) await loop.waker.wait(loop.clock, loop.intervalMs());
    }
  } catch (error) {
    if (!isCrash(error)) throw error;
  }
}
