// What both outbox relays share: pausing, stopping, being woken, and the loop.
// A pass publishes what it finds; a pass that filled its batch goes on at once
// (there is more), one that did not waits — for a commit to wake it or for the
// interval to end. A commit that landed during the pass is latched by the
// Waker, so it is picked up at once rather than after the interval; a pass
// that found less than a batch does not read again just to find nothing.

import { Waker, type Clock } from '../clock';
import type { CrashSwitch } from '../crash';

export interface RelayLoopDeps {
  clock: Clock;
  crash: CrashSwitch;
  config: () => { relay: { intervalMs: number } };
  /** Simulation speed: the interval shrinks as it rises. */
  speed: () => number;
}

export abstract class LoopingRelay {
  /** True while a publish is on its way to the broker. */
  publishing = false;
  protected readonly waker = new Waker();
  protected paused = false;
  protected stopped = false;

  constructor(private readonly loopDeps: RelayLoopDeps) {}

  /** One pass: how much it did (0: nothing to do, or the broker refused). */
  abstract tick(): Promise<number>;

  /** Whether a pass that did `done` should run again without waiting. */
  protected abstract more(done: number): boolean;

  /** A commit happened: look now rather than at the end of the interval. */
  wake(): void {
    this.waker.wake();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (!paused) this.waker.wake();
  }

  stop(): void {
    this.stopped = true;
    this.waker.wake();
  }

  async run(): Promise<void> {
    const { clock, crash, config, speed } = this.loopDeps;
    try {
      while (!this.stopped && !crash.dead) {
        const done = this.paused ? 0 : await this.tick();
        if (!this.more(done)) await this.waker.wait(clock, config().relay.intervalMs / speed());
      }
    } catch (error) {
      if (!this.stopped && !crash.endedBy(error)) throw error;
    }
  }
}
