// The event-sourced run's conductor: spawns the `orders`, `bank` and `query`
// workers, relays the UI's commands to them, kills and restarts them, turns
// their telemetry into EsEvents, and checks the run's invariants.

import { FaultLedger } from '../../core/faults/faultLedger';
import { ES_CRASH_POINTS, ES_PROCESSES, ES_STORE_NAMES, type AggregateAt, type CommandResult, type EsFact, type EsProcess, type EsStoreName, type LoadStat, type ProjectionLag, type ReadModelName, type StreamInfo } from '../../core/eventsourcing/esTypes';
import type { EsSystemSnapshot } from '../../core/eventsourcing/esInvariants';
import type { StoreAudit } from '../../core/eventsourcing/esAudit';
import type { StoredEvent } from '../../core/eventsourcing/eventStore';
import type { OrderCommand } from '../../core/eventsourcing/orderAggregate';
import type { AccountCommand } from '../../core/eventsourcing/bankAggregate';
import { ES_PACES } from '../../core/eventsourcing/esPace';
import { readYourWrites, type ReadYourWritesRemedy, type ReadYourWritesResult } from '../../core/eventsourcing/readYourWrites';
import type { CrashPoint } from '../../core/crashPoints';
import { randomId } from '../../core/ids';
import type { Anomaly } from '../../core/invariants';
import { waitForQuiet } from '../../core/quiet';
import type { Scenario } from '../../core/scenario/scenario';
import { serviceConfig } from '../../core/service/pace';
import { broadcastChannels, channelNames, type Channel } from '../../core/transport';
import type { ProcessStatus } from '../controller';
import { ERRORS, PlaygroundError, type ErrorName } from '../errors';
import type { EsController, EsEvent } from '../esController';
import { ProcessHandle } from '../processHandle';
import { deleteStaleRuns, keepRunAlive } from '../runRegistry';
import { AnomalyWatcher } from '../anomalyWatcher';
import { checkEsInvariants } from '../../core/eventsourcing/esInvariants';
import { spawnEsWorker } from './esWorkers';

export interface EsConductorOptions {
  runId?: string;
  scenario: Scenario;
}

/** Polling read-your-writes gives up after this long and shows the last read. */
const READ_YOUR_WRITES_BUDGET_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EsConductor implements EsController {
  readonly topology = 'event-sourced' as const;
  readonly runId: string;
  private readonly setup: Scenario;
  private readonly handles: Record<EsProcess, ProcessHandle<EsProcess>>;
  /** Processes between their worker's start and the end of their `open` call: not yet usable. */
  private readonly opening = new Map<EsProcess, 'starting' | 'restarting'>();
  private readonly listeners = new Set<(events: EsEvent[]) => void>();
  private readonly errors: EsEvent[] = [];
  private readonly telemetry: Channel;
  private readonly watch: AnomalyWatcher;
  /** Which store holds a stream: streams never move, so one lookup each. */
  private readonly located = new Map<string, EsStoreName>();
  private transfersRunning = 0;
  /** The scenario's planned crashes; a (re)started process is armed with those still to come for it. */
  private readonly faults: FaultLedger;
  private stopHeartbeat: () => void = () => undefined;

  constructor(options: EsConductorOptions) {
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.setup = options.scenario;
    this.faults = new FaultLedger(options.scenario.faults);
    this.handles = Object.fromEntries(
      ES_PROCESSES.map((name) => [
        name,
        new ProcessHandle<EsProcess>(
          name,
          {
            onStatus: (status, armed) => this.onStatus(name, status, armed),
            onCrashed: (point) => {
              this.publish([{ kind: 'crashed', process: name, point }]);
              this.faults.onCrash(name, point, Date.now(), null);
            },
            onFatal: (code, message) => this.fail(code in ERRORS ? (code as ErrorName) : 'PROCESS_FAILED', `${name}: ${message}`),
          },
          spawnEsWorker,
        ),
      ]),
    ) as Record<EsProcess, ProcessHandle<EsProcess>>;
    // The read models only count once quiet: look once, and check what holds at every moment otherwise.
    this.watch = new AnomalyWatcher({
      verify: async (settled) => checkEsInvariants(await this.snapshot(), { settled }),
      owed: () => this.owed(),
      publish: (events) => this.publish(events),
      quietWaitMs: 0,
      busyCheckEveryMs: 0,
    });
    this.telemetry = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    this.telemetry.onMessage((facts) => {
      const events = facts as EsFact[];
      if (events.some((e) => e.kind === 'appended' || e.kind === 'projected' || e.kind === 'rebuild-progress')) this.watch.noteChange();
      this.publish(events);
    });
  }

  async start(): Promise<void> {
    if (typeof indexedDB === 'undefined') return this.fail('IDB_UNAVAILABLE');
    if (typeof Worker === 'undefined') return this.fail('WORKERS_UNAVAILABLE');
    this.stopHeartbeat = keepRunAlive(this.runId);
    void deleteStaleRuns(this.runId).catch(() => undefined);
    await Promise.all(ES_PROCESSES.map((name) => this.startProcess(name)));
    this.watch.start();
    this.watch.noteChange();
  }

  scenario(): Scenario {
    return structuredClone(this.setup);
  }

  /** A new listener first hears the present: every process's status, errors so far, the latest check. */
  subscribe(listener: (events: EsEvent[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      ...ES_PROCESSES.map((name): EsEvent => ({ kind: 'process', process: name, status: this.status(name), armed: this.handles[name].armed })),
      ...this.errors,
      ...(this.watch.lastCheck ? [this.watch.lastCheck] : []),
    ]);
    return () => void this.listeners.delete(listener);
  }

  status(process: EsProcess): ProcessStatus {
    return this.opening.get(process) ?? this.handles[process].status;
  }

  crashNow(process: EsProcess): void {
    this.handles[process].kill('manual');
  }

  /** Resolves once the process has the crash armed (a script can then trigger it without a race). */
  crashAt(process: EsProcess, point: CrashPoint, nth = 1): Promise<void> {
    if (!ES_CRASH_POINTS[process].includes(point)) throw new Error(`${process} never reaches "${point}"; it can crash at ${ES_CRASH_POINTS[process].join(', ')}`);
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number from 1, got ${nth}`);
    return this.handles[process].arm(point, nth);
  }

  async restart(process: EsProcess): Promise<void> {
    if (this.handles[process].status === 'crashed') await this.startProcess(process, true);
  }

  orderCommand(orderId: string, command: OrderCommand): Promise<CommandResult> {
    return this.storeCall<CommandResult>('orders', orderId, 'command', command);
  }

  accountCommand(accountId: string, command: AccountCommand): Promise<CommandResult> {
    return this.storeCall<CommandResult>('bank', accountId, 'command', command);
  }

  /** Resolves once the transfer completed; rejects if the bank died on the way (its restart finishes the transfer). */
  async transfer(from: string, to: string, amount: number): Promise<string> {
    const transferId = randomId('t');
    this.transfersRunning++;
    try {
      await this.call('bank', 'transfer', { transferId, from, to, amount });
      return transferId;
    } finally {
      this.transfersRunning--;
    }
  }

  stageRace(orderId: string): Promise<{ conflicts: number; message: string }> {
    return this.storeCall('orders', orderId, 'stageRace');
  }

  async growOrder(orderId: string, count: number): Promise<void> {
    await this.storeCall<number>('orders', orderId, 'growOrder', count);
  }

  /** The streams of every store that is up. */
  async streams(): Promise<StreamInfo[]> {
    const up = ES_STORE_NAMES.filter((s) => this.up(s));
    return (await Promise.all(up.map((s) => this.call<StreamInfo[]>(s, 'streams')))).flat();
  }

  async events(aggregateId: string): Promise<StoredEvent[]> {
    return this.call(await this.locate(aggregateId), 'events', aggregateId);
  }

  async stateAt(aggregateId: string, version?: number, snapshots = true): Promise<AggregateAt> {
    return this.call(await this.locate(aggregateId), 'stateAt', aggregateId, version, snapshots);
  }

  async loadStats(aggregateId: string): Promise<{ withSnapshots: LoadStat; withoutSnapshots: LoadStat }> {
    return this.call(await this.locate(aggregateId), 'loadStats', aggregateId);
  }

  readModel(name: ReadModelName): Promise<Record<string, unknown>[]> {
    return this.call('query', 'readModel', name);
  }

  projectionLag(): Promise<ProjectionLag[]> {
    return this.call('query', 'lag');
  }

  async rebuildReadModel(name: ReadModelName): Promise<void> {
    await this.call('query', 'rebuild', name);
  }

  readYourWrites(remedy: ReadYourWritesRemedy): Promise<ReadYourWritesResult> {
    const { readPollMs } = ES_PACES[this.setup.pace];
    return readYourWrites(remedy, randomId('rw'), {
      write: async (orderId) => {
        await this.orderCommand(orderId, { type: 'create', customerId: 'alice' });
        return this.orderCommand(orderId, { type: 'addItem', sku: 'MUG', qty: 1, price: 12 });
      },
      read: (orderId) => this.call('query', 'orderSummary', orderId),
      sleep,
      pollMs: readPollMs,
      maxReads: Math.ceil(READ_YOUR_WRITES_BUDGET_MS / readPollMs),
    });
  }

  /** Waits until every process is up, every projection caught up and no transfer in flight; then checks everything. */
  async settle(timeoutMs = 30_000): Promise<void> {
    await waitForQuiet(() => this.owed(), timeoutMs).catch((error: Error) => {
      throw new PlaygroundError('SETTLE_TIMEOUT', error.message);
    });
    await this.watch.check(true);
  }

  anomalies(): Anomaly[] {
    return [...this.watch.latest];
  }

  dispose(): void {
    this.watch.stop();
    for (const name of ES_PROCESSES) this.handles[name].kill();
    this.telemetry.close();
    this.stopHeartbeat();
  }

  /** What is still owed: a description of the first thing found, or null when quiet. */
  private async owed(): Promise<string | null> {
    for (const name of ES_PROCESSES) if (this.status(name) !== 'running') return `${name} is ${this.status(name)}`;
    if (this.transfersRunning) return `${this.transfersRunning} transfers running`;
    const flying = await this.call<number>('bank', 'transfersInFlight');
    if (flying) return `bank: ${flying} transfers debited and not completed`;
    const behind = (await this.projectionLag()).filter((l) => l.behind > 0);
    if (behind.length) return `query: ${behind.map((l) => `${l.name} ${l.behind} behind`).join(', ')}`;
    return null;
  }

  /** What the checker reads: each store's audit and the read models, from whichever process is up. */
  private async snapshot(): Promise<EsSystemSnapshot> {
    const stores = await Promise.all(ES_STORE_NAMES.filter((s) => this.up(s)).map((s) => this.call<StoreAudit>(s, 'audit').catch(() => null)));
    const readModels = this.up('query')
      ? await Promise.all([this.readModel('orderSummaries'), this.readModel('balances')]).then(
          ([orderSummaries, balances]) => ({ orderSummaries, balances }),
          () => undefined,
        )
      : undefined;
    return { stores: stores.filter((s): s is StoreAudit => s !== null), readModels };
  }

  private async startProcess(name: EsProcess, restarting = false): Promise<void> {
    this.opening.set(name, restarting ? 'restarting' : 'starting');
    try {
      // The shop's init fields are filled but unused here; the event-sourced options come with `open`.
      const timing = { simAt: 0, realAt: Date.now(), speed: 1, paused: false };
      await this.handles[name].start({ runId: this.runId, config: serviceConfig({ pace: this.setup.pace }), paused: false, timing }, restarting);
      await this.handles[name].call('open', name === 'query' ? { pace: this.setup.pace } : { snapshotEvery: this.setup.snapshotEvery });
    } finally {
      this.opening.delete(name);
    }
    await this.armPlanned(name);
    this.publish([{ kind: 'process', process: name, status: this.status(name), armed: this.handles[name].armed }]);
    this.watch.noteChange();
  }

  /** Arms the plan's crashes still to come for `name`; a crash at a point this process never reaches is reported, not run. */
  private async armPlanned(name: EsProcess): Promise<void> {
    const none = () => undefined;
    await this.faults
      .armProcess(name, { arm: (process, point, nth) => this.crashAt(process, point, nth), duplicateNext: none, delayNext: none, refusePublishes: none })
      .catch((error: Error) => this.fail('PROCESS_FAILED', `fault plan: ${error.message}`));
  }

  private onStatus(name: EsProcess, status: ProcessStatus, armed: CrashPoint | null): void {
    // "running" means usable: that is said once `open` has finished.
    if (status === 'running' && this.opening.has(name)) return;
    this.publish([{ kind: 'process', process: name, status: this.opening.get(name) ?? status, armed }]);
  }

  private up(name: EsProcess): boolean {
    return this.status(name) === 'running';
  }

  /** A store's stream: remembered where it lives, then called there. */
  private storeCall<T>(store: EsStoreName, id: string, method: string, ...args: unknown[]): Promise<T> {
    this.located.set(id, store);
    return this.call<T>(store, method, id, ...args);
  }

  /** Which store holds `id`: asked of every store that is up, once. */
  private async locate(id: string): Promise<EsStoreName> {
    const known = this.located.get(id);
    if (known) return known;
    const up = ES_STORE_NAMES.filter((s) => this.up(s));
    const versions = await Promise.all(up.map((s) => this.call<number>(s, 'version', id)));
    const found = up.find((_, i) => versions[i] > 0);
    if (!found) throw new Error(`no stream "${id}" in ${up.join(' or ') || 'any store that is up'}`);
    this.located.set(id, found);
    return found;
  }

  private call<T>(name: EsProcess, method: string, ...args: unknown[]): Promise<T> {
    if (this.opening.has(name)) return Promise.reject(new PlaygroundError('PROCESS_DOWN', `${name} is ${this.opening.get(name)}`));
    return this.handles[name].call<T>(method, ...args);
  }

  private fail(name: ErrorName, detail?: string): void {
    const event: EsEvent = { kind: 'error', code: ERRORS[name].code, message: new PlaygroundError(name, detail).message };
    this.errors.push(event);
    this.publish([event]);
  }

  private publish(events: EsEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}
