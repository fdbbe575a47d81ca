// Drives a deterministic run's scheduler for the UI: free-running at a chosen
// pace, one step at a time, or straight to the end. Only one step is ever in
// flight; whatever asks for the next one waits its turn.

import { Scheduler, traceLine, type SchedulerOptions, type SimWorld } from '../core/sim/scheduler';
import type { SimState } from './controller';

/** Steps per second at 1× speed: slow enough to watch each message move. */
const STEPS_PER_SECOND = 4;
/** While running to the end, the UI hears progress this often (in steps). */
const PROGRESS_EVERY = 10;

/** Where a live run's clock stands, in the shape a deterministic run's scheduler reports. */
export function liveSimState(seed: number, simTime: number, running: boolean): SimState {
  return { mode: 'live', seed, steps: 0, simTime, running, done: false, traceHash: null, lastStep: null };
}

export class StepDriver {
  readonly scheduler: Scheduler;
  running = false;
  done = false;
  speed = 1;
  private lastStep: string | null = null;
  private turn: Promise<unknown> = Promise.resolve();
  private loop = 0;

  constructor(
    world: SimWorld,
    options: SchedulerOptions,
    private readonly onChange: (sim: SimState) => void,
  ) {
    this.scheduler = new Scheduler(world, options);
  }

  state(): SimState {
    const s = this.scheduler;
    return {
      mode: 'deterministic',
      seed: this.seed,
      steps: s.steps,
      simTime: s.time,
      running: this.running,
      done: this.done,
      traceHash: s.traceHash,
      lastStep: this.lastStep,
    };
  }

  get seed(): number {
    return this.scheduler.options.seed;
  }

  trace(): string[] {
    return this.scheduler.trace.map(traceLine);
  }

  play(): void {
    if (this.running) return;
    this.running = true;
    this.notify();
    void this.free(++this.loop);
  }

  pause(): void {
    this.running = false;
    this.loop++;
    this.notify();
  }

  /** Grants exactly one step (after pausing free-running). Returns false when nothing was left. */
  async step(): Promise<boolean> {
    this.pause();
    return this.grant();
  }

  /**
   * Grants steps as fast as they complete until nothing is left; `maxSteps` guards a run that never ends. Generous:
   * 200 orders with payment down for ten minutes, every saga retrying its compensation, took 30,257 steps (in
   * Node), and a link may ask for 500 orders.
   */
  async runToEnd(maxSteps = 250_000): Promise<void> {
    this.pause();
    for (let n = 0; !this.done; n++) {
      if (n >= maxSteps) throw new Error(`the run did not end within ${maxSteps} steps`);
      await this.grant(n % PROGRESS_EVERY === 0);
    }
    this.notify();
  }

  private async free(loop: number): Promise<void> {
    while (this.running && this.loop === loop && !this.done) {
      await this.grant();
      await new Promise((resolve) => setTimeout(resolve, 1000 / (STEPS_PER_SECOND * this.speed)));
    }
    if (this.done && this.loop === loop) {
      this.running = false;
      this.notify();
    }
  }

  private grant(notify = true): Promise<boolean> {
    const next = this.turn.then(async () => {
      if (this.done) return false;
      const entry = await this.scheduler.next();
      if (!entry) this.done = true;
      else this.lastStep = `${entry.what} → ${entry.result}`;
      if (notify || this.done) this.notify();
      return entry !== null;
    });
    this.turn = next.catch(() => undefined);
    return next;
  }

  /** Runs `work` between two steps (none in flight), so what it reads of the databases is one consistent moment. */
  between<T>(work: () => Promise<T>): Promise<T> {
    const next = this.turn.then(work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  /** New work (an order someone placed) means a finished run has something to do again. */
  wake(): void {
    this.done = false;
    this.notify();
  }

  private notify(): void {
    this.onChange(this.state());
  }
}
