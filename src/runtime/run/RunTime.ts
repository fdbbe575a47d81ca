// Where a run stands in time: paused or playing, how fast simulation time
// runs against real time, and — in a deterministic run — the step driver that
// owns both instead. The conductor tells its workers and listeners through
// the hooks; nothing here knows a process.

import { SimClock, type SimTiming } from '../../core/clock';
import type { RunMode, SimState } from '../controller';
import { PlaygroundError } from '../errors';
import { liveSimState, type StepDriver } from '../stepDriver';
import type { RunEvent } from './runEvents';

export interface RunTimeHooks {
  publish(events: RunEvent<string>[]): void;
  /** A live run was paused or resumed: the workers that keep time are told. */
  pauseChanged(paused: boolean): void;
  /** Simulation time runs differently now: the workers that keep it are told. */
  timingChanged(timing: SimTiming): void;
}

export class RunTime {
  /** Simulation time of a live run, owned here and copied to every worker that keeps one whenever it changes. */
  readonly simClock = new SimClock(() => Date.now());
  /** A deterministic run's driver, once its world is made (null in a live run, and before). */
  driver: StepDriver | null = null;

  constructor(
    private readonly mode: RunMode,
    private readonly seed: number,
    public paused: boolean,
    private readonly hooks: RunTimeHooks,
  ) {}

  setPaused(paused: boolean): void {
    this.paused = paused;
    if (this.driver) {
      if (paused) this.driver.pause();
      else this.driver.play();
    } else {
      this.hooks.pauseChanged(paused);
      this.retime({ paused });
    }
    this.hooks.publish([{ kind: 'paused', paused }]);
  }

  /** Runs simulation time (timeouts and retries) faster or slower. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
    if (this.driver) this.driver.speed = speed;
    this.retime({ speed });
  }

  state(): SimState {
    if (this.driver) return this.driver.state();
    return liveSimState(this.seed, Math.round(this.simClock.now()), !this.paused);
  }

  /** Simulation time now: the scheduler's in a deterministic run, the clock's (whole ms) in a live one. */
  now(): number {
    if (this.mode === 'deterministic') return this.driver?.scheduler.time ?? 0;
    return Math.round(this.simClock.now());
  }

  /** The deterministic step under way (a fault fires inside the step that triggers it). */
  stepNow(): number | null {
    return this.driver ? this.driver.scheduler.steps + 1 : null;
  }

  deterministic(): StepDriver {
    if (!this.driver) throw new PlaygroundError('NOT_DETERMINISTIC');
    return this.driver;
  }

  /** `work` done while no step runs (a deterministic run); at once in a live run. */
  between<T>(work: () => Promise<T>): Promise<T> {
    return this.driver ? this.driver.between(work) : work();
  }

  private retime(patch: { paused?: boolean; speed?: number }): void {
    const timing = this.simClock.change(patch);
    this.hooks.timingChanged(timing);
    this.hooks.publish([{ kind: 'timing', timing }]);
  }
}
