// Collects items as they arrive and hands them over once per animation frame,
// so a burst of telemetry costs one state update and one render, not hundreds.
// Under sustained load (many items a second) it hands over less often still,
// from a timer rather than a frame: the UI then summarises — counts and the
// latest rows — instead of redrawing sixty times a second what no one can
// read at that speed.

export type Schedule = (flush: () => void) => () => void;

/** A hidden tab gets no animation frames: fall back to a timer so the queue keeps draining. */
export const frameSchedule: Schedule = (flush) => {
  const hidden = typeof document !== 'undefined' && document.hidden;
  if (typeof requestAnimationFrame === 'function' && !hidden) {
    const id = requestAnimationFrame(flush);
    return () => cancelAnimationFrame(id);
  }
  const id = setTimeout(flush, 16);
  return () => clearTimeout(id);
};

export interface LoadGovernor<T = unknown> {
  /** Weight a second (over the last second) above which the batcher counts as busy. */
  busyItemsPerSecond: number;
  /** How much an item counts (default 1): one report may carry a whole transaction's rows. */
  weigh?: (item: T) => number;
  /** While busy, at least this long between two hand-overs. */
  busyIntervalMs: number;
  now?: () => number;
  /** Waits `ms` before the frame is scheduled (a timer in the browser; tests pass their own). */
  delay?: (ms: number, then: () => void) => () => void;
}

export interface FrameBatcher<T> {
  push(items: readonly T[]): void;
  /** Hand over whatever is queued right now. */
  flush(): void;
  /** Drop the queue and any scheduled flush. */
  cancel(): void;
  /** Whether items arrive faster than the governor's threshold (the UI summarises). */
  readonly busy: boolean;
}

const timerDelay = (ms: number, then: () => void) => {
  const id = setTimeout(then, ms);
  return () => clearTimeout(id);
};

/**
 * `deliver(items, busy)`; without a governor every frame hands over and busy stays false. With one,
 * `deliver([], false)` says a busy spell is over.
 */
export function createFrameBatcher<T>(
  deliver: (items: T[], busy: boolean) => void,
  schedule: Schedule = frameSchedule,
  governor?: LoadGovernor<T>,
): FrameBatcher<T> {
  let queue: T[] = [];
  let cancelScheduled: (() => void) | null = null;
  let busy = false;
  let lastFlush = -Infinity;
  /** [time, items] of the hand-overs within the last second. */
  const recent: [number, number][] = [];
  const now = governor?.now ?? (() => performance.now());

  const rate = (t: number) => {
    while (recent.length && recent[0][0] < t - 1000) recent.shift();
    return recent.reduce((sum, [, n]) => sum + n, 0);
  };
  const weigh = governor?.weigh;
  const weightOf = (items: T[]) => (weigh ? items.reduce((sum, item) => sum + weigh(item), 0) : items.length);

  let cancelCalm: (() => void) | null = null;

  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    if (governor) {
      const t = now();
      recent.push([t, weightOf(items)]);
      lastFlush = t;
      const perSecond = rate(t);
      // Hysteresis: calm again only well below the threshold, so the mode does not flicker.
      busy = busy ? perSecond > governor.busyItemsPerSecond / 2 : perSecond > governor.busyItemsPerSecond;
      cancelCalm?.();
      cancelCalm = busy ? (governor.delay ?? timerDelay)(1000 + governor.busyIntervalMs, calmDown) : null;
    }
    deliver(items, busy);
  };

  /** Nothing arrived for a second after a busy hand-over: the load is over, say so. */
  const calmDown = () => {
    cancelCalm = null;
    if (!busy || queue.length) return;
    busy = false;
    deliver([], false);
  };

  const plan = () => {
    if (!governor || !busy) return schedule(flush);
    // While busy, from the timer itself: the hand-over and what it renders at once then take a task of their own,
    // not a share of the animation frame that lays out and paints (the canvas's pieces come in those).
    const wait = Math.max(0, lastFlush + governor.busyIntervalMs - now());
    return (governor.delay ?? timerDelay)(wait, flush);
  };

  return {
    push(items) {
      if (items.length === 0) return;
      for (const item of items) queue.push(item);
      cancelScheduled ??= plan();
    },
    flush,
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      cancelCalm?.();
      cancelCalm = null;
      queue = [];
    },
    get busy() {
      return busy;
    },
  };
}
