// Deterministic mode as a capability a page's conductor is given: the seeded
// scheduler (through the StepDriver) over the topology's sim world, reached
// through the conductor's workers. The conductor asks it for each (re)started
// worker's deterministic init, routes the commands it lists to it (they wait
// for their step), and hands scripts step / runToEnd / trace / stateHash.
// Which world, which commands and which fingerprint: the topology's spec.

import { seededIds } from '../../core/ids';
import type { Scenario } from '../../core/scenario/scenario';
import type { SimWorld } from '../../core/sim/simWorld';
import type { ProcessStatus, SimState } from '../controller';
import { StepDriver } from '../stepDriver';
import type { DeterministicInit } from '../workerProtocol';

/** What the stepping sees of the page's conductor. */
export interface SteppedPage<P extends string> {
  readonly processes: readonly P[];
  status(process: P): ProcessStatus;
  /** Starts a crashed process again (its init is asked of the stepping, with the step's time). */
  restart(process: P): Promise<void>;
  /** A call straight to the process's worker. */
  call<T>(process: P, method: string, ...args: unknown[]): Promise<T>;
}

export interface SteppingSpec<P extends string> {
  /** The topology's world over the page's processes, sized by the scenario. */
  world(page: SteppedPage<P>, scenario: Scenario): SimWorld;
  /** Per process, the calls that are commands: each waits for a step of its own, run under the step's name. */
  commands: Partial<Record<P, Readonly<Record<string, string>>>>;
  /** The run's end-state fingerprint, read straight from IndexedDB. */
  stateHash(runId: string): Promise<string>;
}

export class PageStepping<P extends string> {
  readonly driver: StepDriver;
  /** Free-running until a script takes over with step, runToEnd or pause: the page has no play button for it. */
  private autoPlay = true;
  private readonly lives = new Map<P, number>();
  private readonly ids: (prefix: string) => string;

  constructor(
    private readonly spec: SteppingSpec<P>,
    page: SteppedPage<P>,
    private readonly scenario: Scenario,
    private readonly runId: string,
  ) {
    this.driver = new StepDriver(spec.world(page, scenario), { seed: scenario.seed }, () => undefined);
    this.driver.speed = scenario.speed;
    // Ids the conductor mints for a user's command (a transfer's id) come from the seed too.
    this.ids = seededIds(scenario.seed, 'conductor');
  }

  /** A (re)started worker's deterministic init: ids salted by its incarnation, its clock at the step's time. */
  initFor(process: P): DeterministicInit {
    const life = (this.lives.get(process) ?? 0) + 1;
    this.lives.set(process, life);
    return { seed: this.scenario.seed, salt: `${process}/${life}`, at: this.driver.scheduler.time };
  }

  newId(prefix: string): string {
    return this.ids(prefix);
  }

  /** Every process is up: a link may open the run some steps in; then it runs by itself until a script steps it. */
  async begin(): Promise<void> {
    for (let i = 0; i < this.scenario.at && (await this.driver.step()); i++);
    this.driver.play();
  }

  routes(process: P, method: string): boolean {
    return this.spec.commands[process]?.[method] !== undefined;
  }

  /** A command waits for its step; resolves with what it returned. */
  async request<T>(process: P, method: string, args: unknown[]): Promise<T> {
    const granted = this.driver.scheduler.request(process, this.spec.commands[process]![method], args);
    this.driver.wake();
    if (this.autoPlay) this.driver.play();
    return JSON.parse(await granted) as T;
  }

  state(): SimState {
    return this.driver.state();
  }

  trace(): string[] {
    return this.driver.trace();
  }

  step(): Promise<boolean> {
    this.autoPlay = false;
    return this.driver.step();
  }

  runToEnd(): Promise<void> {
    this.autoPlay = false;
    return this.driver.runToEnd();
  }

  /** Read between two steps, so it is one consistent moment. */
  stateHash(): Promise<string> {
    return this.driver.between(() => this.spec.stateHash(this.runId));
  }

  stop(): void {
    this.autoPlay = false;
    this.driver.pause();
  }
}
