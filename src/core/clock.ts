// Time as a parameter: hosts pass a real clock, tests may pass their own.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
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
      void clock.sleep(ms).then(() => this.fire());
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
