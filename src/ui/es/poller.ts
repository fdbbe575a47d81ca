// A poll that never overlaps itself: runs every `intervalMs`, and soon after a
// kick (an event that made the views stale), but never twice within `minGapMs`
// and never while the previous run is still out. Timers are passed in for tests.

export interface PollerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: PollerTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Poller {
  /** Poll soon (within minGapMs), e.g. after an event made the views stale. */
  kick(): void;
  stop(): void;
}

export function createPoller(
  run: () => Promise<void>,
  opts: { intervalMs: number; minGapMs: number; timers?: PollerTimers; now?: () => number },
): Poller {
  const timers = opts.timers ?? realTimers;
  const now = opts.now ?? Date.now;
  let timer: unknown = null;
  let due = Number.POSITIVE_INFINITY;
  let running = false;
  let again = false;
  let stopped = false;
  let lastStart = Number.NEGATIVE_INFINITY;

  const schedule = (delay: number) => {
    const at = now() + delay;
    if (stopped || at >= due) return;
    if (timer !== null) timers.clearTimeout(timer);
    due = at;
    timer = timers.setTimeout(fire, delay);
  };

  const fire = () => {
    timer = null;
    due = Number.POSITIVE_INFINITY;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    lastStart = now();
    void run()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          schedule(Math.max(0, lastStart + opts.minGapMs - now()));
        } else schedule(opts.intervalMs);
      });
  };

  schedule(0);
  return {
    kick: () => (running ? (again = true) : schedule(Math.max(0, lastStart + opts.minGapMs - now()))),
    stop: () => {
      stopped = true;
      if (timer !== null) timers.clearTimeout(timer);
    },
  };
}
