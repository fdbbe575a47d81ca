// Waiting a moment for company. Under a burst, work piles up while a
// transaction runs and the next one takes it all; at a moderate, steady rate
// each arrival finds nobody waiting and costs a transaction of its own. So
// work that arrives often — the recent arrivals closer together than
// MOST_WAIT_MS — waits until just past when the next is due, and the two share
// a transaction (and, downstream, a publish and a broker append). Work that
// arrives seldom never waits: at light load latency stays what it was.

/** Arrivals further apart than this (on average) are never waited for. */
export const MOST_WAIT_MS = 25;
/** How much of each new gap the running average takes in. */
const WEIGHT = 0.25;

export class CompanyWait {
  private last: number | null = null;
  /** The recent gap between arrivals, averaged; null until two arrived. */
  private gap: number | null = null;

  arrived(now: number): void {
    if (this.last !== null) {
      const gap = now - this.last;
      this.gap = this.gap === null ? gap : this.gap * (1 - WEIGHT) + gap * WEIGHT;
    }
    this.last = now;
  }

  /** How long work ready at `now` should wait for the next arrival: 0 unless arrivals come often. */
  waitMs(now: number): number {
    if (this.last === null || this.gap === null || this.gap > MOST_WAIT_MS) return 0;
    // A little past when the next is due, so an arrival on time is not missed by a hair.
    return Math.max(0, Math.min(this.last + this.gap * 1.25, this.last + MOST_WAIT_MS) - now);
  }
}
