// Waiting a moment for company. Under a burst, work piles up while a
// transaction runs and the next one takes it all; at a moderate, steady rate
// each arrival finds nobody waiting and costs a transaction of its own. So
// work that arrives often — the recent arrivals closer together than
// OFTEN_MS on average — lingers up to LINGER_MS after the first of it arrived
// (Kafka's linger.ms), and what came meanwhile shares its transaction (and,
// downstream, a publish and a broker append). Work that arrives seldom never
// waits: at light load latency stays what it was.

/** Arrivals further apart than this (on average) are never waited for. */
export const OFTEN_MS = 40;
/** How long the first of the waiting work lingers for company at most. */
export const LINGER_MS = 80;
/** How much of each new gap the running average takes in. */
const WEIGHT = 0.25;

export class CompanyWait {
  /** `oftenMs`: arrivals averaging further apart than this are never waited for. */
  constructor(private readonly oftenMs = OFTEN_MS) {}

  private last: number | null = null;
  /** The recent gap between arrivals, averaged; null until two arrived. */
  private gap: number | null = null;
  /** When the first of the work not yet taken arrived. */
  private first: number | null = null;

  arrived(now: number): void {
    if (this.last !== null) {
      const gap = now - this.last;
      this.gap = this.gap === null ? gap : this.gap * (1 - WEIGHT) + gap * WEIGHT;
    }
    this.last = now;
    this.first ??= now;
  }

  /** Whether work that arrived is still waiting to be taken. */
  get waiting(): boolean {
    return this.first !== null;
  }

  /** The waiting work went into a transaction: what arrives next lingers afresh. */
  taken(): void {
    this.first = null;
  }

  /** How long work ready at `now` should still linger for company: 0 unless arrivals come often. */
  waitMs(now: number): number {
    if (this.gap === null || this.gap > this.oftenMs) return 0;
    return Math.max(0, (this.first ?? now) + LINGER_MS - now);
  }
}
