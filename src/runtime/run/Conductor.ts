// The one conductor, for every topology: spawns the run's processes as real
// workers in their start order, kills and restarts them, arms the fault plan
// and brings planned outages back, keeps the anomaly watcher going, settles,
// tells the listeners, reports errors, resumes a run after a reload, steps a
// deterministic run through its topology's sim world, records every committed
// fact in the run's bounded history, and disposes of it all. Its parts live
// beside it, and it composes them: the processes' lives (processLife, over
// ProcessTable), the fault plan wired to them (faultWiring, a FaultControl),
// what its checks read (runChecks), a fork's change (runFork). Time, stepping
// and the history (RunTime, RunRecorder) come from its base, RunSurface.
// What a topology adds — what each worker is given at start, what is owed,
// what the checker reads, which reports its listeners hear, its own calls —
// its conductor class (shop/, es/, cdc/) says by filling the slots below.

import type { CrashPoint } from '../../core/crashPoints';
import type { Fault } from '../../core/faults/faultPlan';
import type { Anomaly } from '../../core/invariantCatalogue';
import { waitForQuiet } from '../../core/quiet';
import { canonicalJson, fingerprint } from '../../core/hash';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario/scenario';
import { broadcastChannels, channelNames, type Channel } from '../../core/transport';
import { AnomalyWatcher } from '../anomalyWatcher';
import type { ProcessStatus } from '../controller';
import { ERRORS, PlaygroundError, type ErrorName } from '../errors';
import type { FaultControl } from '../faultControl';
import type { ProcessHandle } from '../processHandle';
import { deleteStaleRuns, keepRunAlive } from '../runRegistry';
import type { StepDriver } from '../stepDriver';
import { driveWorld } from '../stepping/driveWorld';
import { randomId, seededIds } from '../../core/ids';
import type { ConductorOptions, StartContext, SteppingContext } from './conductorTypes';
import { wireFaults } from './faultWiring';
import { ProcessLife } from './processLife';
import type { RunEvent } from './runEvents';
import type { RunFacts } from './runFacts';
import { RunChecks } from './runChecks';
import { RunFork } from './runFork';
import { RunSurface } from './RunSurface';
import type { ForkChange, ForkSwitch } from '../forkLink';

export type { ConductorOptions, StartContext, SteppingContext } from './conductorTypes';

/**
 * `P`: the run's process names; `E`: the reports of its workers its listeners hear (RunEvent<P> comes with them);
 * `V`: what its checker reads, the shape of its snapshot and of its history's moments.
 */
export abstract class Conductor<P extends string, E extends { kind: string }, V = unknown> extends RunSurface<
  P,
  V
> {
  readonly runId: string;
  readonly processNames: P[];
  /** The scenario as it was opened. */
  protected readonly setup: Scenario;
  protected readonly resumed: boolean;
  protected readonly faults: FaultControl<P>;
  protected readonly watcher: AnomalyWatcher;
  private readonly processes: ProcessLife<P>;
  /** What a fork link changed once the run stood at its step. */
  protected readonly fork = new RunFork();
  private readonly listeners = new Set<(events: (E | RunEvent<P>)[]) => void>();
  private readonly errors: RunEvent<P>[] = [];
  private readonly telemetry: Channel;
  private stopHeartbeat: () => void = () => undefined;
  private readonly seededIds: (prefix: string) => string;
  constructor(
    options: ConductorOptions,
    private readonly facts: RunFacts<P>,
  ) {
    const setup = { ...DEFAULT_SCENARIO, ...options.scenario };
    // A topology without a sim world yet runs a deterministic link live (its scenario still says what was asked).
    const mode = facts.steps ? setup.mode : 'live';
    // A deterministic run on a page with Step and Play opens at step 0, so whoever opened the link sees the start and
    // chooses: Step, Play or Run to end. Without them it plays until a script steps, pauses or runs it to its end.
    super(mode, setup.seed, mode === 'deterministic' && facts.opensPaused);
    this.setup = setup;
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.resumed = options.resumed ?? false;
    // Added to every deterministic id salt: empty for a fresh run, random for a resumed one (new lives, new ids).
    const salt = this.resumed ? `/resumed-${crypto.randomUUID().slice(0, 8)}` : '';
    this.seededIds = seededIds(this.seed, `conductor${salt}`);
    this.processNames = [...facts.processes];
    this.processes = new ProcessLife(facts, {
      runId: this.runId,
      deterministic: this.mode === 'deterministic' ? { seed: this.seed, salt } : null,
      options: (process, start) => this.startOptions(process, start),
      arm: (process) => this.faults.arm(process),
      setToWork: (process) => this.setToWork(process),
      now: () => this.simNow(),
      publish: (events) => this.publish(events),
      crashed: (process, point) => void this.faults.onCrash(process, point),
      lifeChanged: () => this.lifeChanged(),
      fail: (name, detail) => this.fail(name, detail),
    });
    this.faults = wireFaults({
      facts,
      plan: this.setup.faults,
      topology: this.setup.topology,
      processes: this.processes,
      live: this.mode === 'live',
      position: () => ({ at: this.simNow(), step: this.time.stepNow() }),
      publish: (events) => this.publish(events),
    });
    const checks = new RunChecks<V>({
      mode: this.mode,
      resumed: this.resumed,
      busyFromHistory: facts.watch.busyFromHistory,
      recorder: this.recorder,
      driver: () => this.driver,
      check: (settled, state) => this.check(settled, state),
      snapshot: () => this.snapshot(),
    });
    this.watcher = new AnomalyWatcher({
      verify: (settled) => checks.verify(settled),
      owed: () => this.owed(),
      publish: (events) => this.publish(events),
      quietWaitMs: facts.watch.quietWaitMs,
      busyCheckEveryMs: facts.watch.busyCheckEveryMs,
    });
    this.telemetry = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    this.telemetry.onMessage((batch) => this.onTelemetry(batch as { kind: string }[]));
  }

  // ——— The slots a topology fills ———

  /** What `process` is given in its start message (startOptions.ts). */
  protected abstract startOptions(process: P, start: StartContext): unknown;
  /** What is still owed before the run is at rest: a description of the first thing found, or null when quiet. */
  protected abstract owed(): Promise<string | null>;
  /**
   * The invariant check over what `state` reads: a fresh snapshot, or while a live run is busy its history's
   * latest moment (runChecks.ts); `settled` turns on the ones that hold only at rest.
   */
  protected abstract check(settled: boolean, state: () => Promise<V>): Promise<Anomaly[]>;
  /** Which of a batch of the workers' reports the listeners hear, and whether they changed what the checker would find. */
  protected abstract report(facts: { kind: string }[]): { events: E[]; changed: boolean };
  /** Everything the checker reads, for scripts and the state hash. */
  abstract snapshot(): Promise<V>;
  /** Called once a process is up and armed, before it counts as running: a topology may set it to work here. */
  protected async setToWork(_process: P): Promise<void> {}
  /** Called once every process has started, before stepping begins (a scenario's data goes in here). */
  protected async started(): Promise<void> {}
  /** The topology's deterministic world, driven by the seeded scheduler (only asked when `facts.steps`): by default its spec's. */
  protected stepping(context: SteppingContext<P, E>): Promise<StepDriver> | null {
    const spec = this.facts.stepping;
    if (!spec) return null;
    const workers = {
      status: (p: P) => this.status(p),
      call: <T>(p: P, method: string, ...args: unknown[]) => this.handle(p).call<T>(method, ...args),
    };
    return driveWorld(spec.world(workers, context as SteppingContext<P, unknown>, this.setup), context);
  }
  /** What a new listener hears first, before the processes (where the clock stands, say). */
  protected present(): (E | RunEvent<P>)[] {
    return [];
  }
  // ——— Lifecycle ———

  private starting: Promise<boolean> | null = null;

  /** Resolves once every process has started (boot starts the run before any page renders); rejects if it could not. */
  async whenStarted(): Promise<{ resumed: boolean }> {
    if (!(await this.starting)) throw new Error('The run did not start.');
    return { resumed: this.resumed };
  }

  async start(): Promise<void> {
    await (this.starting ??= this.startProcesses());
  }

  /** False when the browser lacks what a run needs (the page has been told why). */
  private async startProcesses(): Promise<boolean> {
    if (typeof indexedDB === 'undefined') return (this.fail('IDB_UNAVAILABLE'), false);
    if (typeof Worker === 'undefined') return (this.fail('WORKERS_UNAVAILABLE'), false);
    this.stopHeartbeat = keepRunAlive(this.runId);
    void deleteStaleRuns(this.runId).catch(() => undefined);
    await this.processes.startAll();
    await this.started();
    if (this.mode === 'deterministic') this.time.driver = await this.stepping(this.steppingContext());
    this.watcher.start();
    this.lifeChanged();
    return true;
  }

  /** Where the workers' reports do not tell each change, a process coming up or going down is one to check. */
  private lifeChanged(): void {
    if (this.facts.watch.checkAfterLifecycle) this.watcher.noteChange();
  }

  /** A new listener first hears the present: the clock, the fault plan, every process, errors so far, the latest check. */
  subscribe(listener: (events: (E | RunEvent<P>)[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      ...this.present(),
      ...this.faults.present(),
      ...this.processNames.map((name) => this.processes.event(name)),
      ...this.errors,
      ...(this.watcher.lastCheck ? [this.watcher.lastCheck] : []),
    ]);
    return () => void this.listeners.delete(listener);
  }

  status(process: P): ProcessStatus {
    return this.processes.status(process);
  }

  crashNow(process: P): void {
    this.processes.crashNow(process);
  }

  /** Arms a crash for the `nth` time `process` reaches `point`; resolves once armed (a script can then trigger it without a race). */
  crashAt(process: P, point: CrashPoint, nth = 1): Promise<void> {
    return this.processes.crashAt(process, point, nth);
  }

  restart(process: P): Promise<void> {
    return this.processes.restart(process);
  }

  /** Resolves once nothing is owed anywhere (a deterministic run: once it has run to its end); then re-checks the invariants. */
  async settle(timeoutMs = 30_000): Promise<void> {
    if (this.driver) return this.runToEnd();
    await waitForQuiet(() => this.owed(), timeoutMs).catch((error: Error) => {
      throw new PlaygroundError('SETTLE_TIMEOUT', error.message);
    });
    await this.checkAnomalies(true);
  }

  anomalies(): Anomaly[] {
    return [...this.watcher.latest];
  }

  checkAnomalies(settled: boolean): Promise<Anomaly[]> {
    return this.watcher.check(settled);
  }

  /**
   * A fingerprint of the run's state, equal for equal states on every host: the stepping spec's (every database,
   * read between two steps), or else of everything the checker reads.
   */
  async stateHash(): Promise<string> {
    const spec = this.facts.stepping;
    if (!spec) return fingerprint(canonicalJson(await this.snapshot()));
    if (!this.driver) return spec.stateHash(this.runId);
    return this.driver.between(() => spec.stateHash(this.runId));
  }

  scenario(): Scenario {
    return structuredClone(this.setup);
  }

  /** What the checker reads, as one moment: in a deterministic run, read between two steps. */
  consistentSnapshot(): Promise<unknown> {
    return this.betweenSteps(() => this.snapshot());
  }

  /** `work` done while no step runs (a deterministic run); at once in a live run. */
  protected betweenSteps<T>(work: () => Promise<T>): Promise<T> {
    return this.time.between(work);
  }

  /** The page's share link could not be used: say why (the run opens on the default scenario). */
  reportLinkError(message: string): void {
    this.fail('BAD_LINK', message);
  }

  dispose(): void {
    this.driver?.pause();
    this.watcher.stop();
    this.faults.dispose();
    this.processes.killAll();
    this.telemetry.close();
    this.stopHeartbeat();
  }

  // ——— Faults ———

  get faultPlan(): Fault[] {
    return this.faults.plan;
  }

  /** Replaces the fault plan (from the UI or a script); faults already fired stay fired. */
  setFaultPlan(plan: Fault[]): Promise<void> {
    return this.faults.replace(plan);
  }

  /** Fork from here: the change made where the run stands (from the next step on); the run's link leaves it out. */
  async forkWith(change: ForkChange): Promise<void> {
    if (change.kind === 'fault') await this.setFaultPlan([...this.faultPlan, change.fault]);
    // Between two steps, so a deterministic fork's first step after its `at` already runs with the switch flipped.
    else await this.betweenSteps(() => this.flipSwitch(change.switch, change.on));
    this.fork.made(change);
  }

  /** A topology whose services read switches at each use flips one here; the rest have none to flip. */
  protected flipSwitch(name: ForkSwitch, _on: boolean): Promise<void> {
    return Promise.reject(new Error(`a ${this.setup.topology} run has no switch ${name} to flip`));
  }

  /** The faults a link of this run carries: a fork's added fault comes in its own parameter (forkLink.ts). */
  protected linkFaults(): Fault[] {
    return this.fork.linkFaults(this.faultPlan);
  }

  // ——— Stepping ———

  private steppingContext(): SteppingContext<P, E> {
    return {
      seed: this.seed,
      speed: this.setup.speed,
      at: this.setup.at,
      resumed: this.resumed,
      paused: this.paused,
      restart: (process, at) => this.processes.start(process, true, at),
      comesBackAt: (process) => this.faults.comesBackAt(process),
      slowness: (group) => this.faults.slowness(group),
      publish: (events) => this.publish(events),
    };
  }

  // ——— Processes ———

  /** The process's worker, for a topology's own calls (a call to a process that is down is refused by it). */
  protected handle(name: P): ProcessHandle<P> {
    return this.processes.handle(name);
  }

  /** A call to a process, refused while it is still starting; in a deterministic run a command waits for its step. */
  protected call<T>(name: P, method: string, ...args: unknown[]): Promise<T> {
    const step = this.facts.stepping?.commands[name]?.[method];
    if (step && this.driver) return this.request<T>(name, step, args);
    return this.processes.call<T>(name, method, ...args);
  }

  /** Deterministic runs: `step` in `process` with `input` waits for the scheduler to grant it; resolves with what it returned. */
  protected async request<T>(process: P, step: string, input: unknown): Promise<T> {
    const driver = this.deterministic();
    const granted = driver.scheduler.request(process, step, input);
    driver.wake();
    return JSON.parse(await granted) as T;
  }

  /** An id for something the conductor starts (a transfer, say): from the seed in a deterministic run. */
  protected newId(prefix: string): string {
    return this.mode === 'deterministic' ? this.seededIds(prefix) : randomId(prefix);
  }

  protected fail(name: ErrorName, detail?: string): void {
    const event: RunEvent<P> = {
      kind: 'error',
      code: ERRORS[name].code,
      message: new PlaygroundError(name, detail).message,
    };
    this.errors.push(event);
    this.publish([event]);
  }

  protected override publish(events: (E | RunEvent<P>)[]): void {
    // What only the conductor sees happen (a crash, a restart, a fault firing) is a fact of the history too.
    this.recorder.told(events);
    for (const listener of this.listeners) listener(events);
  }

  private onTelemetry(batch: { kind: string }[]): void {
    this.recorder.heard(batch);
    for (const fact of batch) this.faults.onFact(fact);
    const { events, changed } = this.report(batch);
    if (changed) this.watcher.noteChange();
    if (events.length) this.publish(events);
  }
}
