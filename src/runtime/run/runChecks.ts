// What a run's invariant checks read, and the step each anomaly is first seen
// at: a deterministic run reads its databases between two steps, a live run
// at rest reads them as they are, and a busy live run reads its history's
// latest moment where that holds all the checker reads. Apart from the
// Conductor so that the choice of what a check stands on is made in one place
// for every topology, and the Conductor only hands the watcher its verify.

import type { Anomaly } from '../../core/invariantCatalogue';
import type { RunMode } from '../controller';
import type { StepDriver } from '../stepDriver';
import type { RunFacts } from './runFacts';
import type { RunRecorder } from './RunRecorder';

export interface RunChecksDeps<V> {
  mode: RunMode;
  resumed: boolean;
  /** When the history may stand in for the databases while busy (the topology's watch facts). */
  busyFromHistory: RunFacts<string>['watch']['busyFromHistory'];
  recorder: RunRecorder;
  /** A deterministic run's step driver, once it has one. */
  driver(): StepDriver | null;
  /** The topology's check over what `state` reads (Conductor's check slot). */
  check(settled: boolean, state: () => Promise<V>): Promise<Anomaly[]>;
  snapshot(): Promise<V>;
}

export class RunChecks<V> {
  /** A deterministic run: the step at which each anomaly was first seen. */
  private readonly firstSeen = new Map<string, number>();

  constructor(private readonly deps: RunChecksDeps<V>) {}

  /**
   * Checks the invariants. A deterministic run reads a snapshot between two steps — a consistent cut, so the checks
   * across processes run every time — and each anomaly keeps the step it was first seen at.
   */
  async verify(settled: boolean): Promise<Anomaly[]> {
    const { check, snapshot } = this.deps;
    const driver = this.deps.driver();
    if (!driver) return check(settled, () => this.liveState(settled));
    const { found, step } = await driver.between(async () => ({
      found: await check(settled, snapshot),
      step: driver.scheduler.steps,
    }));
    for (const a of found) if (!this.firstSeen.has(a.message)) this.firstSeen.set(a.message, step);
    return found.map((a) => ({ ...a, step: this.firstSeen.get(a.message) }));
  }

  /**
   * What a live check reads. At rest, every database: the truth a settled verdict stands on. While busy, the
   * history's latest moment, where the topology says it holds all the checker reads: then no process dumps its
   * tables nor walks the broker's log every few seconds under load. It holds the facts that have arrived, much as
   * a snapshot reads each database at its own moment (the checks across processes wait for rest either way). Past
   * its cap the history folds what it forgets into its base, and its latest moment stays whole; once that base let
   * go of rows under its budget, the moment lacks them, so the databases are read instead.
   */
  private async liveState(settled: boolean): Promise<V> {
    const { busyFromHistory, resumed, mode, recorder } = this.deps;
    const holdsAll = busyFromHistory === 'always' || (busyFromHistory === 'fresh' && !resumed);
    const busyLive = !settled && mode === 'live';
    if (!busyLive || !holdsAll || recorder.stats().rowsLetGo > 0) return this.deps.snapshot();
    return recorder.latest() as V;
  }
}
