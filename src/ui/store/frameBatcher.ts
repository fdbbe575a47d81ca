// Collects items as they arrive and hands them over once per animation frame,
// so a burst of telemetry costs one state update and one render, not hundreds.

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

export interface FrameBatcher<T> {
  push(items: readonly T[]): void;
  /** Hand over whatever is queued right now. */
  flush(): void;
  /** Drop the queue and any scheduled flush. */
  cancel(): void;
}

export function createFrameBatcher<T>(
  deliver: (items: T[]) => void,
  schedule: Schedule = frameSchedule,
): FrameBatcher<T> {
  let queue: T[] = [];
  let cancelScheduled: (() => void) | null = null;

  const flush = () => {
    cancelScheduled?.();
    cancelScheduled = null;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    deliver(items);
  };

  return {
    push(items) {
      if (items.length === 0) return;
      for (const item of items) queue.push(item);
      cancelScheduled ??= schedule(flush);
    },
    flush,
    cancel() {
      cancelScheduled?.();
      cancelScheduled = null;
      queue = [];
    },
  };
}
