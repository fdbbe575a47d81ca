// Keeps the anomalies panel current: whenever something changed and the
// system is quiet, the invariants are checked again over a snapshot of every
// database. While busy, only every so often, and what a busy check reads is
// the conductor's to choose (a live run's history, where it holds everything:
// a snapshot is costly under load). Every topology's conductor uses it.

import type { Anomaly } from '../core/invariantCatalogue';
import { waitForQuiet } from '../core/quiet';

const WATCH_EVERY_MS = 1500;

export type AnomaliesEvent = { kind: 'anomalies'; anomalies: Anomaly[]; settled: boolean };

export interface AnomalyWatcherDeps {
  /** Checks the invariants (at rest over a fresh snapshot); `settled` turns on the ones that hold only at rest. */
  verify(settled: boolean): Promise<Anomaly[]>;
  /** What is still owed somewhere, or null when quiet. */
  owed(): Promise<string | null>;
  publish(events: AnomaliesEvent[]): void;
  /** How long to wait for quiet before checking as busy (0: look once). */
  quietWaitMs: number;
  /** While busy, check at most this often. */
  busyCheckEveryMs: number;
}

export class AnomalyWatcher {
  latest: Anomaly[] = [];
  lastCheck: AnomaliesEvent | null = null;
  /** Changes seen so far: the watcher re-checks only when something changed. */
  private changes = 0;
  private changesChecked = -1;
  private watching = false;
  private lastBusyCheck = 0;
  private checksStarted = 0;
  private checkShown = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: AnomalyWatcherDeps) {}

  noteChange(): void {
    this.changes++;
  }

  start(): void {
    this.timer = setInterval(() => void this.watch(), WATCH_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async check(settled: boolean): Promise<Anomaly[]> {
    const check = ++this.checksStarted;
    const found = await this.deps.verify(settled);
    // Checks overlap (the watcher's and settle()'s): a slower, older one must not overwrite a newer verdict.
    if (check > this.checkShown) {
      this.checkShown = check;
      this.latest = found;
      this.lastCheck = { kind: 'anomalies', anomalies: found, settled };
      this.deps.publish([this.lastCheck]);
    }
    return [...found];
  }

  private async quiet(): Promise<boolean> {
    const { owed, quietWaitMs } = this.deps;
    if (quietWaitMs <= 0) return (await owed().catch(() => 'unknown')) === null;
    return waitForQuiet(owed, quietWaitMs).then(
      () => true,
      () => false,
    );
  }

  private async watch(): Promise<void> {
    if (this.watching || this.changes === this.changesChecked) return;
    this.watching = true;
    try {
      const seen = this.changes;
      const quiet = await this.quiet();
      // While busy (or with a process down) only the checks that hold at every moment apply.
      if (!quiet && Date.now() - this.lastBusyCheck < this.deps.busyCheckEveryMs) return;
      if (!quiet) this.lastBusyCheck = Date.now();
      this.changesChecked = seen;
      await this.check(quiet).catch(() => undefined);
    } finally {
      this.watching = false;
    }
  }
}
