// Timers a process owns and drops all at once when it stops, so nothing it
// scheduled runs after its death (and Node tests can exit).

export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  private stopped = false;

  later(ms: number, fn: () => void): void {
    const timer = setTimeout(
      () => {
        this.pending.delete(timer);
        if (!this.stopped) fn();
      },
      Math.max(0, ms),
    );
    this.pending.add(timer);
  }

  every(ms: number, fn: () => void): void {
    this.later(ms, () => {
      fn();
      this.every(ms, fn);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
  }
}
