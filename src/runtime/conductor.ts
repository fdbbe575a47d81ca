// The conductor: spawns the broker and service workers, relays the UI's
// commands to them, kills and restarts them, and turns their telemetry into
// the event stream the UI and window.playground read.

import type { CrashPoint } from '../core/crashPoints';
import { SimClock } from '../core/clock';
import { sagaViews, type SagaView } from '../core/saga/sagaView';
import { checkInvariants, type Anomaly } from '../core/invariants';
import { SERVICE_NAMES, type ServiceName, type TableDump } from '../core/rows';
import type { ServiceConfig } from '../core/service/definition';
import { serviceConfig, type PaceName } from '../core/service/pace';
import { sampleOrder } from '../core/services/catalog';
import type { Fact, ProcessName } from '../core/telemetry';
import { broadcastChannels, channelNames, type Channel } from '../core/transport';
import type { BrokerDump } from '../core/broker/dump';
import type { LogRow } from '../core/broker/brokerDb';
import type { ConductorEvent, Controller, PlaceOrderInput, RunMode, SimState } from './controller';
import type { Fault } from '../core/faults/faultPlan';
import { FaultControl } from './faultControl';
import { AnomalyWatcher } from './anomalyWatcher';
import { StepDriver } from './stepDriver';
import type { SimWorld } from '../core/sim/scheduler';
import { stateHash } from '../core/sim/stateHash';
import { DEFAULT_SCENARIO, type DataEdit, type Scenario } from '../core/scenario/scenario';
import { ERRORS, PlaygroundError, type ErrorName } from './errors';
import { ProcessHandle } from './processHandle';
import { readBrokerDb, readBrokerLog, readServiceDb } from './readDown';
import { waitForQuiet } from '../core/quiet';
import { deleteStaleRuns, keepRunAlive } from './runRegistry';

export interface Snapshot {
  /** Every service of the run; `orchestrator` only when the saga is orchestrated. */
  services: Record<Exclude<ServiceName, 'orchestrator'>, TableDump> & { orchestrator?: TableDump };
  broker: BrokerDump;
}

export interface ConductorOptions {
  runId?: string;
  pace?: PaceName;
  sagaStyle?: ServiceConfig['sagaStyle'];
  publishing?: ServiceConfig['publishing'];
  /** How an order crosses services: by messages (saga), or the "before" approaches. */
  ordering?: Ordering;
  /** Live (free-running) or deterministic (every step granted by a seeded scheduler). */
  mode?: RunMode;
  seed?: number;
  /** Orders a deterministic run places by itself, as steps of the run. */
  orders?: number;
  faults?: Fault[];
  /** Scenario switches: the inbox and the payment's idempotency key (both on unless a scenario turns them off). */
  inbox?: boolean;
  idempotencyKeys?: boolean;
  /** Business data the run starts with (row edits), its speed, and how many steps in a deterministic run opens. */
  data?: DataEdit[];
  speed?: number;
  at?: number;
  /** The library scenario whose narrative the guide shows. */
  guide?: string;
  /** The run existed before this page: new process lives must not repeat the ids of earlier ones. */
  resumed?: boolean;
}

export type Ordering = 'messaging' | 'direct-calls' | 'two-phase-commit';
const ORDER_COMMANDS: Record<Ordering, string> = { messaging: 'placeOrder', 'direct-calls': 'placeOrderDirect', 'two-phase-commit': 'placeOrder2pc' };


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
  private readonly faults: FaultControl;
  private driver: StepDriver | null = null;
  private readonly incarnations = new Map<ProcessName, number>();
  /** Added to every deterministic process's id salt: empty for a fresh run, random for a resumed one. */
  private readonly salt: string;
  private readonly orders: number;
  private readonly pace: PaceName;
  private readonly data: DataEdit[];
  private readonly speed: number;
  private readonly at: number;
  private readonly resumed: boolean;
  private readonly guide: string;

  constructor(options: ConductorOptions = {}) {
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.mode = options.mode ?? 'live';
    // A deterministic run opens at step 0, so whoever opened the link sees the start and chooses: Step, Play or Run to end.
    this.paused = this.mode === 'deterministic';
    this.seed = options.seed ?? 1;
    this.orders = options.orders ?? 0;
    this.pace = options.pace ?? 'teaching';
    this.data = options.data ?? [];
    this.speed = options.speed ?? 1;
    this.at = options.at ?? 0;
    this.resumed = options.resumed ?? false;
    this.guide = options.guide ?? '';
    this.faults = new FaultControl(options.faults ?? [], {
      proc: (name) => this.proc(name),
      alive: () => this.processNames.filter((p) => this.proc(p).alive),
      position: () => ({ at: this.simNow(), step: this.stepNow() }),
      publish: (events) => this.publish(events),
    });
    this.salt = options.resumed ? `/resumed-${crypto.randomUUID().slice(0, 8)}` : '';
    this.config = serviceConfig(options);
    this.ordering = options.ordering ?? 'messaging';
    this.services = SERVICE_NAMES.filter((s) => s !== 'orchestrator' || this.config.sagaStyle === 'orchestration');
    this.processNames = ['broker', ...this.services];
    this.watcher = new AnomalyWatcher({
      verify: async (settled) => checkInvariants(await this.snapshot(), { settled, messaging: this.ordering === 'messaging' }),
      owed: () => this.owed(),
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
          onFatal: (code, message) => this.fail(code in ERRORS ? (code as ErrorName) : 'PROCESS_FAILED', `${name}: ${message}`),
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
    if (!this.resumed) for (const edit of this.data) await this.editRow(edit.service, edit.table, edit.row);
    if (this.speed !== 1) this.setSpeed(this.speed);
    if (this.mode === 'deterministic') await this.startDriver();
    this.watcher.start();
  }

  private async startDriver(): Promise<void> {
    const driver = new StepDriver(
      this.world(),
      {
        seed: this.seed,
        orders: this.orders,
        orderCommand: ORDER_COMMANDS[this.ordering],
        orderInput: (random) => sampleOrder(random),
        slowness: (group) => this.faults.slowness(group),
      },
      (sim) => this.publish([{ kind: 'sim', sim }, { kind: 'timing', timing: { simAt: sim.simTime, realAt: Date.now(), speed: 1, paused: true } }]),
    );
    // A resumed run has placed some of its orders already: the databases say how many.
    const placed = (await this.proc('order').call<TableDump>('dump')).orders?.length ?? 0;
    driver.scheduler.placed = Math.min(placed, this.orders);
    this.driver = driver;
    driver.speed = this.speed;
    // A link may open a deterministic run some steps in: a position in time.
    if (!this.resumed) for (let i = 0; i < this.at && (await driver.step()); i++);
    if (!this.paused) driver.play();
    else this.publish([{ kind: 'sim', sim: driver.state() }]);
  }

  /** The processes as the deterministic scheduler drives them: calls into the workers. */
  private world(): SimWorld {
    return {
      processes: this.processNames,
      isUp: (p) => this.proc(p).alive,
      pending: (s) => this.proc(s).call('pending'),
      deliverable: () => this.proc('broker').call('deliverable'),
      step: (s, step, at) => this.proc(s).call('step', step, at),
      restart: (p, at) => this.startProcess(p, true, at),
    };
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
    return { mode: 'live', seed: this.seed, steps: 0, simTime: Math.round(this.simClock.now()), running: !this.paused, done: false, traceHash: null, lastStep: null };
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
      ...this.processNames.map((name): ConductorEvent => ({ kind: 'process', process: name, status: this.proc(name).status, armed: this.proc(name).armed })),
      { kind: 'paused', paused: this.paused },
      { kind: 'timing', timing: this.simClock.get() },
      ...this.errors,
      ...(this.watcher.lastCheck ? [this.watcher.lastCheck] : []),
    ]);
    return () => this.listeners.delete(listener);
  }

  async placeOrder(input: Partial<PlaceOrderInput> = {}): Promise<string> {
    const order = { ...sampleOrder(Math.random), ...input };
    if (this.driver) {
      // In a deterministic run the order waits for its step like everything else.
      const granted = this.driver.scheduler.request('order', ORDER_COMMANDS[this.ordering], order);
      this.driver.wake();
      return JSON.parse(await granted) as string;
    }
    return this.proc('order').call<string>('command', ORDER_COMMANDS[this.ordering], order);
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
    await Promise.all(this.services.filter((s) => this.proc(s).alive).map((s) => this.proc(s).call('configure', this.configFor(s))));
  }

  /** Resolves once nothing is owed anywhere (a deterministic run: once it has run to its end); then re-checks the invariants. */
  async settle(timeoutMs = 30_000): Promise<void> {
    if (this.driver) return this.runToEnd();
    await waitForQuiet(() => this.owed(), timeoutMs).catch((error: Error) => {
      throw new PlaygroundError('SETTLE_TIMEOUT', error.message);
    });
    await this.checkAnomalies(true);
  }

  /** Every database, read by its own process, or straight from IndexedDB while that process is down. */
  async snapshot(): Promise<Snapshot> {
    const read = (s: ServiceName) => (this.proc(s).alive ? this.proc(s).call<TableDump>('dump') : readServiceDb(this.runId, s));
    const services = Object.fromEntries(await Promise.all(this.services.map(async (s) => [s, await read(s)] as const))) as Snapshot['services'];
    const broker = this.proc('broker').alive ? await this.proc('broker').call<BrokerDump>('dump') : await readBrokerDb(this.runId);
    return { services, broker };
  }

  /** Every record the broker holds, for the exports: read by the broker, or from its database while it is down. */
  async brokerLog(): Promise<LogRow[]> {
    return this.proc('broker').alive ? this.proc('broker').call<LogRow[]>('log') : readBrokerLog(this.runId);
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
    for (const handle of this.processes.values()) handle.kill();
    this.telemetry.close();
    this.stopHeartbeat();
  }

  /** What is still owed: a description of the first thing found, or null when quiet. */
  private async owed(): Promise<string | null> {
    for (const name of this.processNames) if (!this.proc(name).alive) return `${name} is ${this.proc(name).status}`;
    const broker = await this.proc('broker').call<{ lag: number; pendingWrites: number }>('status');
    if (broker.lag || broker.pendingWrites) return `broker: ${broker.lag} records unacknowledged, ${broker.pendingWrites} writes pending`;
    for (const name of this.services) {
      const s = await this.proc(name).call<{ unpublished: number; busy: number }>('status');
      if (s.unpublished || s.busy) return `${name}: ${s.unpublished} outbox rows unpublished, ${s.busy} steps running`;
    }
    return null;
  }

  private async startProcess(name: ProcessName, restarting = false, at = this.simNow()): Promise<void> {
    const life = (this.incarnations.get(name) ?? 0) + 1;
    this.incarnations.set(name, life);
    const deterministic = this.mode === 'deterministic' ? { seed: this.seed, salt: `${name}/${life}${this.salt}`, at } : undefined;
    await this.proc(name).start({ runId: this.runId, config: this.configFor(name), paused: this.paused && !deterministic, timing: this.simClock.get(), deterministic }, restarting);
    await this.faults.arm(name);
  }

  /** A service's settings: the run's, with a live run's slow-consumer fault applied. */
  private configFor(name: ProcessName): ServiceConfig {
    const factor = this.faults.slowness(name);
    if (factor <= 1 || this.mode === 'deterministic') return this.config;
    return { ...this.config, consumer: { ...this.config.consumer, delayMs: Math.max(this.config.consumer.delayMs, 50) * factor } };
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    if (this.driver) {
      if (paused) this.driver.pause();
      else this.driver.play();
      this.publish([{ kind: 'paused', paused }]);
      return;
    }
    for (const handle of this.processes.values()) if (handle.alive) void handle.call('setPaused', paused).catch(() => undefined);
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
    for (const name of this.services) if (this.proc(name).alive) void this.proc(name).call('setTiming', timing).catch(() => undefined);
    this.publish([{ kind: 'timing', timing }]);
  }

  /** Every saga, orchestrated or choreographed, read from the databases. */
  async sagas(): Promise<SagaView[]> {
    return sagaViews((await this.snapshot()).services);
  }

  /** An operator's decision about a stuck (or running) orchestrated saga. */
  sagaAction(action: 'retrySaga' | 'skipStep' | 'forceCompensation', sagaId: string): Promise<string> {
    if (this.driver) {
      const granted = this.driver.scheduler.request('orchestrator', action, { sagaId });
      this.driver.wake();
      return granted.then((result) => JSON.parse(result) as string);
    }
    return this.proc('orchestrator').call<string>('command', action, { sagaId });
  }

  /** Edits one row of a service's business data (stock, customers, regions, settings). */
  editRow(service: ServiceName, table: string, row: Record<string, unknown>): Promise<void> {
    return this.proc(service).call('editRow', table, row);
  }

  /** Fault: the broker holds the next `type` record for `group` back `ms`; other partitions overtake it. */
  delayNext(group: ServiceName, type: string, ms: number): Promise<void> {
    return this.proc('broker').call('delayNext', group, type, ms);
  }

  /** Fault: a broker outage for writes, `publishes` refused publishes long. */
  refusePublishes(publishes: number): Promise<void> {
    return this.proc('broker').call('refusePublishes', publishes);
  }

  /** Fault: the broker delivers the next `type` record to `group` twice. */
  duplicateNext(group: ServiceName, type: string): Promise<void> {
    return this.proc('broker').call('duplicateNext', group, type);
  }

  scenario(): Scenario {
    return {
      version: 1,
      ordering: this.ordering,
      publishing: this.config.publishing,
      sagaStyle: this.config.sagaStyle,
      inbox: this.config.inbox,
      idempotencyKeys: this.config.idempotencyKeys,
      pace: this.pace,
      mode: this.mode,
      seed: this.seed,
      orders: this.orders,
      faults: this.faultPlan,
      data: this.data,
      speed: this.speed,
      at: this.at,
      guide: this.guide,
      topology: 'shop',
      snapshotEvery: DEFAULT_SCENARIO.snapshotEvery,
    };
  }

  /** The page's share link could not be used: say why (the run opens on the default scenario). */
  reportLinkError(message: string): void {
    this.fail('BAD_LINK', message);
  }

  private fail(name: ErrorName, detail?: string): void {
    const event: ConductorEvent = { kind: 'error', code: ERRORS[name].code, message: new PlaygroundError(name, detail).message };
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
