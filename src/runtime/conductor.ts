// The conductor: spawns the broker and service workers, relays the UI's
// commands to them, kills and restarts them, and turns their telemetry into
// the event stream the UI and window.playground read.

import type { CrashPoint } from '../core/crashPoints';
import { SimClock } from '../core/clock';
import { sagaViews, type SagaView } from '../core/saga/sagaView';
import { checkInvariants, type Anomaly } from '../core/invariants';
import { SERVICE_NAMES, type ServiceName } from '../core/rows';
import type { ServiceConfig } from '../core/service/definition';
import { serviceConfig } from '../core/service/pace';
import { sampleOrder } from '../core/services/catalog';
import type { Fact, ProcessName } from '../core/telemetry';
import { broadcastChannels, channelNames, type Channel } from '../core/transport';
import type { LogRow } from '../core/broker/brokerDb';
import type { ConductorEvent, Controller, PlaceOrderInput, RunMode, SimState } from './controller';
import type { Fault } from '../core/faults/faultPlan';
import { FaultControl } from './faultControl';
import { AnomalyWatcher } from './anomalyWatcher';
import type { StepDriver } from './stepDriver';
import { startStepping } from './startStepping';
import { ORDER_COMMANDS } from '../core/services/orderCommands';
import type { Ordering } from '../core/scenario/scenario';
import { stateHash } from '../core/sim/stateHash';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';
import { validateDataEdit } from '../core/scenario/validate';
import { ERRORS, PlaygroundError, type ErrorName } from './errors';
import { ProcessHandle } from './processHandle';
import { brokerLogOf, owedBy, snapshotOf, type RunProcesses, type Snapshot } from './runReads';
import { waitForQuiet } from '../core/quiet';
import { deleteStaleRuns, keepRunAlive } from './runRegistry';

export type { Snapshot } from './runReads';

export interface ConductorOptions {
  runId?: string;
  /** What to run; what it leaves out is the default scenario's. */
  scenario?: Partial<Scenario>;
  /** The run existed before this page: new process lives must not repeat the ids of earlier ones. */
  resumed?: boolean;
}

export type { Ordering } from '../core/scenario/scenario';

export class Conductor implements Controller {
  readonly runId: string;
  config: ServiceConfig;
  paused = false;
  /** Simulation time, owned here and copied to every worker whenever it changes. */
  readonly simClock = new SimClock(() => Date.now());
  /** The services of this run: the orchestrator only exists when the saga is orchestrated. */
  readonly services: ServiceName[];
  readonly processNames: ProcessName[];
  readonly ordering: Ordering;
  private readonly processes = new Map<ProcessName, ProcessHandle>();
  private readonly listeners = new Set<(events: ConductorEvent[]) => void>();
  private readonly telemetry: Channel;
  private readonly errors: ConductorEvent[] = [];
  private stopHeartbeat: () => void = () => undefined;
  private readonly watcher: AnomalyWatcher;

  readonly mode: RunMode;
  readonly seed: number;
  /** The scenario as it was opened (switches changed since live in `config`, faults in `faults`). */
  private readonly setup: Scenario;
  private readonly faults: FaultControl;
  private driver: StepDriver | null = null;
  private readonly incarnations = new Map<ProcessName, number>();
  /** Added to every deterministic process's id salt: empty for a fresh run, random for a resumed one. */
  private readonly salt: string;
  private readonly resumed: boolean;
  /** A deterministic run: the step at which each anomaly was first seen. */
  private readonly firstSeen = new Map<string, number>();

  constructor(options: ConductorOptions = {}) {
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.setup = { ...DEFAULT_SCENARIO, ...options.scenario };
    this.mode = this.setup.mode;
    // A deterministic run opens at step 0, so whoever opened the link sees the start and chooses: Step, Play or Run to end.
    this.paused = this.mode === 'deterministic';
    this.seed = this.setup.seed;
    this.resumed = options.resumed ?? false;
    this.faults = new FaultControl(this.setup.faults, {
      proc: (name) => this.proc(name),
      alive: () => this.processNames.filter((p) => this.proc(p).alive),
      position: () => ({ at: this.simNow(), step: this.stepNow() }),
      publish: (events) => this.publish(events),
      live: this.mode === 'live',
      restart: (process) => this.restart(process),
      isCrashed: (process) => this.proc(process).status === 'crashed',
    });
    this.salt = options.resumed ? `/resumed-${crypto.randomUUID().slice(0, 8)}` : '';
    this.config = serviceConfig(this.setup);
    this.ordering = this.setup.ordering;
    this.services = SERVICE_NAMES.filter(
      (s) => s !== 'orchestrator' || this.config.sagaStyle === 'orchestration',
    );
    this.processNames = ['broker', ...this.services];
    this.watcher = new AnomalyWatcher({
      // A deterministic run's snapshot is read between two steps: a consistent cut, so the checks across services run every time.
      verify: (settled) => this.verify(settled),
      owed: () => owedBy(this.reads()),
      publish: (events) => this.publish(events),
      quietWaitMs: 1000,
      busyCheckEveryMs: 5000,
    });
    this.telemetry = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    this.telemetry.onMessage((facts) => {
      for (const fact of facts as Fact[]) {
        if (fact.kind === 'commit') this.watcher.noteChange();
        this.faults.onFact(fact);
      }
      this.publish(facts as Fact[]);
    });
    for (const name of this.processNames) {
      this.processes.set(
        name,
        new ProcessHandle(name, {
          onStatus: (status, armed) => this.publish([{ kind: 'process', process: name, status, armed }]),
          onCrashed: (point) => {
            this.publish([{ kind: 'crashed', process: name, point }]);
            this.faults.onCrash(name, point);
          },
          onFatal: (code, message) =>
            this.fail(code in ERRORS ? (code as ErrorName) : 'PROCESS_FAILED', `${name}: ${message}`),
        }),
      );
    }
  }

  async start(): Promise<void> {
    if (typeof indexedDB === 'undefined') return this.fail('IDB_UNAVAILABLE');
    if (typeof Worker === 'undefined') return this.fail('WORKERS_UNAVAILABLE');
    this.stopHeartbeat = keepRunAlive(this.runId);
    void deleteStaleRuns(this.runId).catch(() => undefined);
    await this.startProcess('broker');
    await Promise.all(this.services.map((name) => this.startProcess(name)));
    // The scenario's business data goes in before anything else happens (a resumed run has it already).
    if (!this.resumed)
      for (const edit of this.setup.data) await this.editRow(edit.service, edit.table, edit.row);
    if (this.setup.speed !== 1) this.setSpeed(this.setup.speed);
    if (this.mode === 'deterministic') await this.startDriver();
    this.watcher.start();
  }

  private async startDriver(): Promise<void> {
    this.driver = await startStepping({
      processNames: this.processNames,
      proc: (name) => this.proc(name),
      restart: (p, at) => this.startProcess(p, true, at),
      comesBackAt: (p) => this.faults.comesBackAt(p),
      seed: this.seed,
      orders: this.setup.orders,
      orderCommand: ORDER_COMMANDS[this.ordering],
      slowness: (group) => this.faults.slowness(group),
      speed: this.setup.speed,
      at: this.setup.at,
      resumed: this.resumed,
      paused: this.paused,
      publish: (events) => this.publish(events),
    });
  }

  private simNow(): number {
    if (this.mode === 'deterministic') return this.driver?.scheduler.time ?? 0;
    return Math.round(this.simClock.now());
  }

  /** The deterministic step under way (a fault fires inside the step that triggers it). */
  private stepNow(): number | null {
    return this.driver ? this.driver.scheduler.steps + 1 : null;
  }

  get faultPlan(): Fault[] {
    return this.faults.plan;
  }

  /** Replaces the fault plan (from the UI or a script); faults already fired stay fired. */
  async setFaultPlan(plan: Fault[]): Promise<void> {
    await this.faults.replace(plan);
    // A slow consumer, in a live run, is a longer pause before each delivery.
    await this.configure({});
  }

  simState(): SimState {
    if (this.driver) return this.driver.state();
    return {
      mode: 'live',
      seed: this.seed,
      steps: 0,
      simTime: Math.round(this.simClock.now()),
      running: !this.paused,
      done: false,
      traceHash: null,
      lastStep: null,
    };
  }

  private deterministic(): StepDriver {
    if (!this.driver) throw new PlaygroundError('NOT_DETERMINISTIC');
    return this.driver;
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

  /** A fingerprint of every database: equal end states hash equal, on every host. */
  async stateHash(): Promise<string> {
    return stateHash(await this.snapshot());
  }

  /** A new listener first hears the present: every process's status, pause state, errors so far, the latest check. */
  subscribe(listener: (events: ConductorEvent[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      { kind: 'sim', sim: this.simState() },
      ...this.faults.present(),
      ...this.processNames.map((name): ConductorEvent => ({
        kind: 'process',
        process: name,
        status: this.proc(name).status,
        armed: this.proc(name).armed,
      })),
      { kind: 'paused', paused: this.paused },
      { kind: 'timing', timing: this.simClock.get() },
      ...this.errors,
      ...(this.watcher.lastCheck ? [this.watcher.lastCheck] : []),
    ]);
    return () => this.listeners.delete(listener);
  }

  async placeOrder(input: Partial<PlaceOrderInput> = {}): Promise<string> {
    const order = { ...sampleOrder(Math.random), ...input };
    return this.command<string>('order', ORDER_COMMANDS[this.ordering], order);
  }

  /** Runs a service's command; in a deterministic run it waits for its step like everything else. */
  private async command<T>(service: ServiceName, name: string, input: unknown): Promise<T> {
    if (!this.driver) return this.proc(service).call<T>('command', name, input);
    const granted = this.driver.scheduler.request(service, name, input);
    this.driver.wake();
    return JSON.parse(await granted) as T;
  }

  placeOrders(count: number): Promise<string[]> {
    return Promise.all(Array.from({ length: count }, () => this.placeOrder()));
  }

  play(): void {
    this.setPaused(false);
  }

  pause(): void {
    this.setPaused(true);
  }

  crashAt(process: ProcessName, point: CrashPoint, nth = 1): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number from 1, got ${nth}`);
    this.proc(process).arm(point, nth);
  }

  crashNow(process: ProcessName): void {
    this.proc(process).kill('manual');
  }

  restart(process: ProcessName): Promise<void> {
    const handle = this.proc(process);
    if (handle.status !== 'crashed') return Promise.resolve();
    return this.startProcess(process, true);
  }

  /** Changes service settings (pace, inbox, idempotency keys) in every running service. */
  async configure(patch: Partial<ServiceConfig>): Promise<void> {
    this.config = { ...this.config, ...patch };
    await Promise.all(
      this.services
        .filter((s) => this.proc(s).alive)
        .map((s) => this.proc(s).call('configure', this.faults.liveConfig(s, this.config, this.mode))),
    );
  }

  /** Resolves once nothing is owed anywhere (a deterministic run: once it has run to its end); then re-checks the invariants. */
  async settle(timeoutMs = 30_000): Promise<void> {
    if (this.driver) return this.runToEnd();
    await waitForQuiet(() => owedBy(this.reads()), timeoutMs).catch((error: Error) => {
      throw new PlaygroundError('SETTLE_TIMEOUT', error.message);
    });
    await this.checkAnomalies(true);
  }

  /** Every database, read by its own process, or straight from IndexedDB while that process is down. */
  snapshot(): Promise<Snapshot> {
    return snapshotOf(this.reads());
  }

  private reads(): RunProcesses {
    return {
      runId: this.runId,
      services: this.services,
      processNames: this.processNames,
      proc: (name) => this.proc(name),
    };
  }

  /** Every record the broker holds, for the exports: read by the broker, or from its database while it is down. */
  brokerLog(): Promise<LogRow[]> {
    return brokerLogOf(this.reads());
  }

  /**
   * Checks the invariants over a snapshot. A deterministic run reads it between two steps — a consistent cut, so the
   * checks across services run every time — and each anomaly keeps the step it was first seen at.
   */
  private async verify(settled: boolean): Promise<Anomaly[]> {
    const options = {
      settled,
      consistent: this.mode === 'deterministic',
      messaging: this.ordering === 'messaging',
    };
    const driver = this.driver;
    if (!driver) return checkInvariants(await this.snapshot(), options);
    const { found, step } = await driver.between(async () => ({
      found: checkInvariants(await this.snapshot(), options),
      step: driver.scheduler.steps,
    }));
    for (const a of found) if (!this.firstSeen.has(a.message)) this.firstSeen.set(a.message, step);
    return found.map((a) => ({ ...a, step: this.firstSeen.get(a.message) }));
  }

  anomalies(): Anomaly[] {
    return [...this.watcher.latest];
  }

  async checkAnomalies(settled: boolean): Promise<Anomaly[]> {
    return this.watcher.check(settled);
  }

  status(process: ProcessName) {
    return this.proc(process).status;
  }

  dispose(): void {
    this.driver?.pause();
    this.watcher.stop();
    this.faults.dispose();
    for (const handle of this.processes.values()) handle.kill();
    this.telemetry.close();
    this.stopHeartbeat();
  }

  private async startProcess(name: ProcessName, restarting = false, at = this.simNow()): Promise<void> {
    const life = (this.incarnations.get(name) ?? 0) + 1;
    this.incarnations.set(name, life);
    const deterministic =
      this.mode === 'deterministic'
        ? { seed: this.seed, salt: `${name}/${life}${this.salt}`, at }
        : undefined;
    await this.proc(name).start(
      {
        runId: this.runId,
        config: this.faults.liveConfig(name, this.config, this.mode),
        paused: this.paused && !deterministic,
        timing: this.simClock.get(),
        deterministic,
      },
      restarting,
    );
    await this.faults.arm(name);
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    if (this.driver) {
      if (paused) this.driver.pause();
      else this.driver.play();
      this.publish([{ kind: 'paused', paused }]);
      return;
    }
    for (const handle of this.processes.values())
      if (handle.alive) void handle.call('setPaused', paused).catch(() => undefined);
    this.retime({ paused });
    this.publish([{ kind: 'paused', paused }]);
  }

  /** Runs simulation time (saga timeouts and retries) faster or slower. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
    if (this.driver) this.driver.speed = speed;
    this.retime({ speed });
  }

  private retime(patch: { paused?: boolean; speed?: number }): void {
    const timing = this.simClock.change(patch);
    for (const name of this.services)
      if (this.proc(name).alive)
        void this.proc(name)
          .call('setTiming', timing)
          .catch(() => undefined);
    this.publish([{ kind: 'timing', timing }]);
  }

  /** Every saga, orchestrated or choreographed, read from the databases. */
  async sagas(): Promise<SagaView[]> {
    return sagaViews((await this.snapshot()).services);
  }

  /** An operator's decision about a stuck (or running) orchestrated saga. */
  sagaAction(action: 'retrySaga' | 'skipStep' | 'forceCompensation', sagaId: string): Promise<string> {
    return this.command<string>('orchestrator', action, { sagaId });
  }

  /**
   * Edits one row of a service's business data (stock, customers, regions, settings). Checked as a link's rows
   * are, so neither a script nor a field of the Setup tab writes a cell a link could not hold.
   */
  async editRow(service: ServiceName, table: string, row: Record<string, unknown>): Promise<void> {
    const checked = validateDataEdit({ service, table, row });
    if (!checked.ok) throw new Error(`not a valid ${service}.${table} row: ${checked.problems.join('; ')}`);
    return this.proc(service).call('editRow', table, checked.edit.row);
  }

  /**
   * A fault the broker injects on request, for scripts: `duplicateNext(group, type)`, `delayNext(group, type, ms)`
   * (other partitions overtake it) or `refusePublishes(n)` (an outage for writes).
   */
  brokerFault(
    fault: 'duplicateNext' | 'delayNext' | 'refusePublishes',
    ...args: (string | number)[]
  ): Promise<void> {
    return this.proc('broker').call(fault, ...args);
  }

  scenario(): Scenario {
    const { publishing, sagaStyle, inbox, idempotencyKeys, semanticLocks } = this.config;
    return {
      ...this.setup,
      publishing,
      sagaStyle,
      inbox,
      idempotencyKeys,
      semanticLocks,
      faults: this.faultPlan,
    };
  }

  /** The page's share link could not be used: say why (the run opens on the default scenario). */
  reportLinkError(message: string): void {
    this.fail('BAD_LINK', message);
  }

  private fail(name: ErrorName, detail?: string): void {
    const event: ConductorEvent = {
      kind: 'error',
      code: ERRORS[name].code,
      message: new PlaygroundError(name, detail).message,
    };
    this.errors.push(event);
    this.publish([event]);
  }

  private proc(name: ProcessName): ProcessHandle {
    const handle = this.processes.get(name);
    if (!handle) throw new Error(`no process "${name}" in this run (it has ${this.processNames.join(', ')})`);
    return handle;
  }

  private publish(events: ConductorEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}

export async function createConductor(options: ConductorOptions = {}): Promise<Conductor> {
  const conductor = new Conductor(options);
  await conductor.start();
  return conductor;
}
