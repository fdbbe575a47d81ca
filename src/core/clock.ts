// Time as a parameter: hosts pass a real clock, tests may pass their own.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock, which hosts hand to core: the one place core may read the wall clock. */
export const systemClock: Clock = {
  // eslint-disable-next-line no-restricted-properties -- this is the clock the rule sends everyone to
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A sleep that can be cut short, so a relay woken by a commit need not wait out its interval. */
export class Waker {
  private wakeUp: (() => void) | null = null;
  private pending = false;

  wait(clock: Clock, ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.wakeUp = resolve;
      // Only this wait's own timer may end it: a timer left from an earlier wait (ended by a wake) would
      // otherwise cut a later one short, and a relay woken on every commit would poll again for nothing.
      void clock.sleep(ms).then(() => {
        if (this.wakeUp === resolve) this.fire();
      });
    });
  }

  wake(): void {
    if (this.wakeUp) this.fire();
    else this.pending = true;
  }

  private fire(): void {
    const resolve = this.wakeUp;
    this.wakeUp = null;
    resolve?.();
  }
}

/** How simulation time relates to real time; the conductor owns it and sends it to every process. */
export interface SimTiming {
  /** Simulation time at `realAt`. */
  simAt: number;
  realAt: number;
  speed: number;
  paused: boolean;
}

/**
 * Simulation time: stands still while paused and runs `speed` times as fast as
 * real time otherwise. Saga timeouts and retries are deadlines on this clock,
 * so they behave the same whatever the pace.
 */
export class SimClock {
  private timing: SimTiming;

  constructor(
    private readonly real: () => number,
    timing?: SimTiming,
  ) {
    this.timing = timing ?? { simAt: 0, realAt: real(), speed: 1, paused: false };
  }

  now(): number {
    const t = this.timing;
    return t.paused ? t.simAt : t.simAt + (this.real() - t.realAt) * t.speed;
  }

  get(): SimTiming {
    return { ...this.timing };
  }

  set(timing: SimTiming): void {
    this.timing = { ...timing };
  }

  /** Re-anchors at the current moment with new speed or pause state. */
  change(patch: Partial<Pick<SimTiming, 'speed' | 'paused'>>): SimTiming {
    this.timing = {
      simAt: this.now(),
      realAt: this.real(),
      speed: patch.speed ?? this.timing.speed,
      paused: patch.paused ?? this.timing.paused,
    };
    return this.get();
  }
}

/**
 * Time in a deterministic run: it moves only when the scheduler says so (each
 * granted step carries its simulation time), so every timestamp a run writes
 * is the same on every host. Sleeps still pass in real time: they only pace
 * waiting, and a deterministic step never waits on another step.
 */
export class SteppedClock implements Clock {
  private at = 0;

  now(): number {
    return this.at;
  }

  set(at: number): void {
    this.at = at;
  }

  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }

  /** The speed a SimClock would report: deadlines here are already simulation times. */
  get(): { speed: number } {
    return { speed: 1 };
  }
}
