// The conductor: spawns the broker and service workers, relays the UI's
// commands to them, kills and restarts them, and turns their telemetry into
// the event stream the UI and window.playground read.

import type { CrashPoint } from '../core/crashPoints';
import { SimClock } from '../core/clock';
import { sagaViews, type SagaView } from '../core/saga/sagaView';
import { checkInvariants, type Anomaly } from '../core/invariants';
import { SERVICE_NAMES, type ServiceName, type TableDump } from '../core/rows';
import type { ServiceConfig } from '../core/service/definition';
import { PACES, type PaceName } from '../core/service/pace';
import { sampleOrder } from '../core/services/catalog';
import type { Fact, ProcessName } from '../core/telemetry';
import { broadcastChannels, channelNames, type Channel } from '../core/transport';
import type { BrokerDump } from '../core/broker/dump';
import type { ConductorEvent, Controller, PlaceOrderInput } from './controller';
import { ERRORS, PlaygroundError, type ErrorName } from './errors';
import { ProcessHandle } from './processHandle';
import { readBrokerDb, readServiceDb } from './readDown';
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
}

export type Ordering = 'messaging' | 'direct-calls' | 'two-phase-commit';
const BUSY_CHECK_EVERY_MS = 5000;
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
  private latestAnomalies: Anomaly[] = [];
  private lastCheck: ConductorEvent | null = null;
  private readonly errors: ConductorEvent[] = [];
  private stopHeartbeat: () => void = () => undefined;
  private watchTimer: ReturnType<typeof setInterval> | null = null;
  /** Commits seen so far: the watcher re-checks invariants only when something changed. */
  private commits = 0;
  private commitsChecked = -1;

  constructor(options: ConductorOptions = {}) {
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.config = { ...structuredClone(PACES[options.pace ?? 'teaching']), sagaStyle: options.sagaStyle ?? 'choreography', publishing: options.publishing ?? 'outbox' };
    this.ordering = options.ordering ?? 'messaging';
    this.services = SERVICE_NAMES.filter((s) => s !== 'orchestrator' || this.config.sagaStyle === 'orchestration');
    this.processNames = ['broker', ...this.services];
    this.telemetry = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    this.telemetry.onMessage((facts) => {
      for (const fact of facts as Fact[]) if (fact.kind === 'commit') this.commits++;
      this.publish(facts as Fact[]);
    });
    for (const name of this.processNames) {
      this.processes.set(
        name,
        new ProcessHandle(name, {
          onStatus: (status, armed) => this.publish([{ kind: 'process', process: name, status, armed }]),
          onCrashed: (point) => this.publish([{ kind: 'crashed', process: name, point }]),
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
    this.watchTimer = setInterval(() => void this.watch(), 1500);
  }

  /** Whenever the system is quiet and something changed, the invariants are checked again. */
  private watching = false;
  private async watch(): Promise<void> {
    if (this.watching || this.commits === this.commitsChecked) return;
    this.watching = true;
    try {
      await this.watchOnce();
    } finally {
      this.watching = false;
    }
  }

  private lastBusyCheck = 0;

  private async watchOnce(): Promise<void> {
    const seen = this.commits;
    const quiet = await waitForQuiet(() => this.owed(), 1000).then(() => true, () => false);
    // While busy (or with a process down) only the checks that hold at every moment apply, and a full
    // snapshot is costly under load: at most every few seconds.
    if (!quiet && Date.now() - this.lastBusyCheck < BUSY_CHECK_EVERY_MS) return;
    if (!quiet) this.lastBusyCheck = Date.now();
    this.commitsChecked = seen;
    await this.checkAnomalies(quiet).catch(() => undefined);
  }

  /** A new listener first hears the present: every process's status, pause state, errors so far, the latest check. */
  subscribe(listener: (events: ConductorEvent[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      ...this.processNames.map((name): ConductorEvent => ({ kind: 'process', process: name, status: this.proc(name).status, armed: this.proc(name).armed })),
      { kind: 'paused', paused: this.paused },
      { kind: 'timing', timing: this.simClock.get() },
      ...this.errors,
      ...(this.lastCheck ? [this.lastCheck] : []),
    ]);
    return () => this.listeners.delete(listener);
  }

  async placeOrder(input: Partial<PlaceOrderInput> = {}): Promise<string> {
    const order = { ...sampleOrder(Math.random), ...input };
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
    await Promise.all(this.services.filter((s) => this.proc(s).alive).map((s) => this.proc(s).call('configure', this.config)));
  }

  /** Resolves once nothing is owed anywhere; then re-checks the invariants over the databases. */
  async settle(timeoutMs = 30_000): Promise<void> {
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

  anomalies(): Anomaly[] {
    return [...this.latestAnomalies];
  }

  private checksStarted = 0;
  private checkShown = 0;

  async checkAnomalies(settled: boolean): Promise<Anomaly[]> {
    const check = ++this.checksStarted;
    const found = checkInvariants(await this.snapshot(), { settled, messaging: this.ordering === 'messaging' });
    // Checks overlap (the watcher's and settle()'s): a slower, older one must not overwrite a newer verdict.
    if (check > this.checkShown) {
      this.checkShown = check;
      this.latestAnomalies = found;
      this.lastCheck = { kind: 'anomalies', anomalies: found, settled };
      this.publish([this.lastCheck]);
    }
    return [...found];
  }

  status(process: ProcessName) {
    return this.proc(process).status;
  }

  dispose(): void {
    if (this.watchTimer) clearInterval(this.watchTimer);
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

  private async startProcess(name: ProcessName, restarting = false): Promise<void> {
    await this.proc(name).start({ runId: this.runId, config: this.config, paused: this.paused, timing: this.simClock.get() }, restarting);
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    for (const handle of this.processes.values()) if (handle.alive) void handle.call('setPaused', paused).catch(() => undefined);
    this.retime({ paused });
    this.publish([{ kind: 'paused', paused }]);
  }

  /** Runs simulation time (saga timeouts and retries) faster or slower. */
  setSpeed(speed: number): void {
    if (!(speed > 0)) throw new Error(`speed must be positive, got ${speed}`);
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
