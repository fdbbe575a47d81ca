// What every run answers about its time and its history: paused or playing, the clock, stepping a deterministic
// run, and the run as of any recorded moment. These are thin delegations to RunTime and RunRecorder that the
// pages and the window.playground API call on any conductor; they live here so Conductor keeps only what it
// composes (processes, faults, checks, telemetry) and the slots a topology fills.

import type { SimClock, SimTiming } from '../../core/clock';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { Inspection } from '../../core/history/historySpec';
import type { RunMode, SimState } from '../controller';
import { PlaygroundError } from '../errors';
import type { StepDriver } from '../stepDriver';
import type { RunEvent } from './runEvents';
import type { HistorySpec, Moment, RecordedFact } from './runHistory';
import { RunRecorder } from './RunRecorder';
import { RunTime } from './RunTime';

/** `P`: the run's process names; `V`: the shape of its snapshot and of its history's moments. */
export abstract class RunSurface<P extends string, V> {
  /** Paused or playing, simulation time, and a deterministic run's step driver. */
  protected readonly time: RunTime;
  /** The run's history: its history is made on the first fact, once the topology's own fields (its services, say) are set. */
  protected readonly recorder = new RunRecorder({
    spec: () => this.historySpec(),
    trace: () => (this.mode === 'deterministic' ? (this.driver?.scheduler.trace ?? []) : null),
    // Unrounded in a live run: a fact the workers stamped a fraction of a millisecond earlier stays earlier.
    now: () => (this.mode === 'deterministic' ? this.simNow() : this.simClock.now()),
  });

  constructor(
    readonly mode: RunMode,
    readonly seed: number,
    opensPaused: boolean,
  ) {
    this.time = new RunTime(mode, seed, opensPaused, {
      publish: (events) => this.publish(events as RunEvent<P>[]),
      pauseChanged: (paused) => this.pauseChanged(paused),
      timingChanged: (timing) => this.timingChanged(timing),
    });
  }

  /** How the run's recorded facts fold into its snapshot's shape, and what causes what (core/history). */
  protected abstract historySpec(): HistorySpec<unknown, V>;
  /** Tells the run's listeners (and records what only the conductor sees happen). */
  protected abstract publish(events: RunEvent<P>[]): void;
  abstract checkAnomalies(settled: boolean): Promise<Anomaly[]>;
  /** A live run was paused or resumed: tell the workers that keep time. */
  protected pauseChanged(_paused: boolean): void {}
  /** Simulation time runs differently now: tell the workers that keep it. */
  protected timingChanged(_timing: SimTiming): void {}

  // ——— History ———

  /** The whole run as of `moment` (a step, or `{ time }`), folded from the recorded facts: snapshot()'s shape. */
  at(moment: Moment): Promise<unknown> {
    return this.recorder.at(moment);
  }

  /** Every recorded fact still kept, in order, with its simulation time and (deterministic) step. */
  recordedFacts(): Promise<RecordedFact[]> {
    return this.recorder.facts();
  }

  /** One row, record, saga, event or change with its causal chain, as of now (or `moment`). */
  inspect(kind: string, id: string, moment?: Moment): Promise<Inspection> {
    return this.recorder.inspect(kind, id, moment);
  }

  /** What the history holds and how much it has forgotten under its cap. */
  historyStats(): ReturnType<RunRecorder['stats']> {
    return this.recorder.stats();
  }

  // ——— Time and stepping ———

  /** Paused: a live run's clock stands still; a deterministic run takes no step unless asked. */
  get paused(): boolean {
    return this.time.paused;
  }

  get simClock(): SimClock {
    return this.time.simClock;
  }

  protected get driver(): StepDriver | null {
    return this.time.driver;
  }

  play(): void {
    this.time.setPaused(false);
  }

  pause(): void {
    this.time.setPaused(true);
  }

  /** Runs simulation time (timeouts and retries) faster or slower. */
  setSpeed(speed: number): void {
    this.time.setSpeed(speed);
  }

  simState(): SimState {
    return this.time.state();
  }

  async step(): Promise<void> {
    await this.deterministic().step();
  }

  async runToEnd(): Promise<void> {
    await this.deterministic()
      .runToEnd()
      .catch((error: Error) => {
        throw new PlaygroundError('RUN_DID_NOT_END', error.message);
      });
    await this.checkAnomalies(true);
  }

  /** The deterministic run's trace so far, one line per granted step. */
  trace(): string[] {
    return this.driver?.trace() ?? [];
  }

  protected deterministic(): StepDriver {
    return this.time.deterministic();
  }

  protected simNow(): number {
    return this.time.now();
  }
}
