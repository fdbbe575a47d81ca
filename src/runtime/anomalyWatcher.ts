// Keeps the anomalies panel current: whenever something committed and the
// system is quiet, the invariants are checked again over a snapshot of every
// database. While busy, only every few seconds (a snapshot is costly under load).

import { checkInvariants, type Anomaly } from '../core/invariants';
import { waitForQuiet } from '../core/quiet';
import type { ConductorEvent } from './controller';
import type { Snapshot } from './conductor';

const BUSY_CHECK_EVERY_MS = 5000;
const WATCH_EVERY_MS = 1500;

export interface AnomalyWatcherDeps {
  snapshot(): Promise<Snapshot>;
  /** What is still owed somewhere, or null when quiet. */
  owed(): Promise<string | null>;
  messaging: boolean;
  publish(events: ConductorEvent[]): void;
}

export class AnomalyWatcher {
  latest: Anomaly[] = [];
  lastCheck: ConductorEvent | null = null;
  /** Commits seen so far: the watcher re-checks only when something changed. */
  private commits = 0;
  private commitsChecked = -1;
  private watching = false;
  private lastBusyCheck = 0;
  private checksStarted = 0;
  private checkShown = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly deps: AnomalyWatcherDeps) {}

  noteCommit(): void {
    this.commits++;
  }

  start(): void {
    this.timer = setInterval(() => void this.watch(), WATCH_EVERY_MS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async check(settled: boolean): Promise<Anomaly[]> {
    const check = ++this.checksStarted;
    const found = checkInvariants(await this.deps.snapshot(), { settled, messaging: this.deps.messaging });
    // Checks overlap (the watcher's and settle()'s): a slower, older one must not overwrite a newer verdict.
    if (check > this.checkShown) {
      this.checkShown = check;
      this.latest = found;
      this.lastCheck = { kind: 'anomalies', anomalies: found, settled };
      this.deps.publish([this.lastCheck]);
    }
    return [...found];
  }

  private async watch(): Promise<void> {
    if (this.watching || this.commits === this.commitsChecked) return;
    this.watching = true;
    try {
      const seen = this.commits;
      const quiet = await waitForQuiet(() => this.deps.owed(), 1000).then(() => true, () => false);
      // While busy (or with a process down) only the checks that hold at every moment apply.
      if (!quiet && Date.now() - this.lastBusyCheck < BUSY_CHECK_EVERY_MS) return;
      if (!quiet) this.lastBusyCheck = Date.now();
      this.commitsChecked = seen;
      await this.check(quiet).catch(() => undefined);
    } finally {
      this.watching = false;
    }
  }
}
