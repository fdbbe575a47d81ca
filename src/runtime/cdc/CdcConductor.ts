// The CDC run's conductor (live only): spawns the broker, the legacy
// `listings` service, the `connector` and the `query` service as real workers,
// relays the UI's commands to them, kills and restarts them, arms the
// scenario's planned crashes, turns their telemetry into CdcEvents, and checks
// the run's invariants.

import type { CdcReport, ConnectorState, ListingRow, ListingWrite, SearchDocRow } from '../../core/cdc/cdcTypes';
import { CDC_CRASH_POINTS } from '../../core/cdc/cdcTypes';
import { toChangeRecord, type ChangeEvent, type ChangeRow } from '../../core/cdc/changeEvent';
import { checkCdcInvariants } from '../../core/cdc/legacy/cdcInvariants';
import type { CrashPoint } from '../../core/crashPoints';
import { FaultLedger, type FaultTargets } from '../../core/faults/faultLedger';
import type { Anomaly } from '../../core/invariants';
import { waitForQuiet } from '../../core/quiet';
import type { Scenario } from '../../core/scenario/scenario';
import { serviceConfig } from '../../core/service/pace';
import type { Fact } from '../../core/telemetry';
import { broadcastChannels, channelNames, type Channel } from '../../core/transport';
import { AnomalyWatcher } from '../anomalyWatcher';
import type { CdcController, CdcEvent, CdcNode, CdcProcess } from '../cdcController';
import type { ProcessStatus } from '../controller';
import { ERRORS, PlaygroundError, type ErrorName } from '../errors';
import { ProcessHandle } from '../processHandle';
import { deleteStaleRuns, keepRunAlive } from '../runRegistry';
import { CDC_NODES, cdcOwed, cdcSnapshot } from './cdcReads';
import { spawnCdcWorker } from './cdcWorkers';

export interface CdcConductorOptions {
  runId?: string;
  scenario: Scenario;
}

/** Writes per call to the listings worker in writeMany: progress is reported after each call. */
const WRITES_PER_CALL = 5;
/** The order processes start in: the broker first (the others talk to it), listings before the connector (its snapshot reads the seed rows). */
const START_ORDER: readonly CdcNode[][] = [['broker'], ['listings'], ['connector', 'query']];

export class CdcConductor implements CdcController {
  readonly topology = 'cdc' as const;
  readonly runId: string;
  private readonly setup: Scenario;
  private readonly handles: Record<CdcNode, ProcessHandle<CdcNode>>;
  /** Processes between their worker's start and the end of their `open` call: not yet usable. */
  private readonly opening = new Map<CdcNode, 'starting' | 'restarting'>();
  private readonly listeners = new Set<(events: CdcEvent[]) => void>();
  private readonly errors: CdcEvent[] = [];
  private readonly telemetry: Channel;
  private readonly watch: AnomalyWatcher;
  /** The scenario's planned crashes and broker faults; a (re)started process is armed with those still to come for it. */
  private readonly faults: FaultLedger;
  private writesRunning = 0;
  private stopHeartbeat: () => void = () => undefined;

  constructor(options: CdcConductorOptions) {
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.setup = options.scenario;
    this.faults = new FaultLedger(options.scenario.faults);
    this.handles = Object.fromEntries(CDC_NODES.map((name) => [name, this.handle(name)])) as Record<CdcNode, ProcessHandle<CdcNode>>;
    this.watch = new AnomalyWatcher({
      verify: (settled) => this.verify(settled),
      owed: () => this.owed(),
      publish: (events) => this.publish(events),
      quietWaitMs: 0,
      busyCheckEveryMs: 0,
    });
    this.telemetry = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    this.telemetry.onMessage((facts) => this.onTelemetry(facts as (CdcReport | Fact)[]));
  }

  async start(): Promise<void> {
    if (typeof indexedDB === 'undefined') return this.fail('IDB_UNAVAILABLE');
    if (typeof Worker === 'undefined') return this.fail('WORKERS_UNAVAILABLE');
    this.stopHeartbeat = keepRunAlive(this.runId);
    void deleteStaleRuns(this.runId).catch(() => undefined);
    for (const group of START_ORDER) await Promise.all(group.map((name) => this.startProcess(name)));
    this.watch.start();
    this.watch.noteChange();
  }

  scenario(): Scenario {
    return structuredClone(this.setup);
  }

  /** A new listener first hears the present: every process's status, errors so far, the latest check. */
  subscribe(listener: (events: CdcEvent[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      ...CDC_NODES.map((name): CdcEvent => ({ kind: 'process', process: name, status: this.status(name), armed: this.handles[name].armed })),
      ...this.errors,
      ...(this.watch.lastCheck ? [this.watch.lastCheck] : []),
    ]);
    return () => void this.listeners.delete(listener);
  }

  status(process: CdcNode): ProcessStatus {
    return this.opening.get(process) ?? this.handles[process].status;
  }

  crashNow(process: CdcNode): void {
    this.handles[process].kill('manual');
  }

  /** Resolves once the process has the crash armed (a script can then trigger it without a race). */
  crashAt(process: CdcProcess, point: CrashPoint, nth = 1): Promise<void> {
    if (!CDC_CRASH_POINTS[process]?.includes(point)) throw new Error(`${process} never reaches "${point}"; it can crash at ${CDC_CRASH_POINTS[process]?.join(', ')}`);
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number from 1, got ${nth}`);
    return this.handles[process].arm(point, nth);
  }

  async restart(process: CdcNode): Promise<void> {
    if (this.handles[process].status === 'crashed') await this.startProcess(process, true);
  }

  write(write: ListingWrite): Promise<string> {
    return this.writing(() => this.call<string>('listings', 'write', write));
  }

  writeMany(count: number, progress?: (done: number) => void): Promise<void> {
    return this.writing(async () => {
      for (let done = 0; done < count; ) {
        const n = Math.min(WRITES_PER_CALL, count - done);
        await this.call('listings', 'writeMany', n);
        done += n;
        progress?.(done);
      }
    });
  }

  listings(): Promise<ListingRow[]> {
    return this.call('listings', 'listings');
  }

  /** Only listings is captured: the connector's and the query service's databases keep no change log. */
  async changes(service: CdcProcess): Promise<ChangeEvent[]> {
    if (service !== 'listings') return [];
    return (await this.call<ChangeRow[]>('listings', 'changes')).map((row) => toChangeRecord(row).value);
  }

  connector(): Promise<ConnectorState> {
    return this.call('connector', 'state');
  }

  searchDocs(): Promise<SearchDocRow[]> {
    return this.call('query', 'docs');
  }

  search(text: string, city?: string): Promise<string[]> {
    return this.call('query', 'search', text, city);
  }

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
    for (const name of CDC_NODES) this.handles[name].kill();
    this.telemetry.close();
    this.stopHeartbeat();
  }

  private handle(name: CdcNode): ProcessHandle<CdcNode> {
    return new ProcessHandle<CdcNode>(
      name,
      {
        onStatus: (status, armed) => this.onStatus(name, status, armed),
        onCrashed: (point) => {
          this.publish([{ kind: 'crashed', process: name, point }]);
          this.faults.onCrash(name, point, Date.now(), null);
          this.watch.noteChange();
        },
        onFatal: (code, message) => this.fail(code in ERRORS ? (code as ErrorName) : 'PROCESS_FAILED', `${name}: ${message}`),
      },
      spawnCdcWorker,
    );
  }

  private async startProcess(name: CdcNode, restarting = false): Promise<void> {
    this.opening.set(name, restarting ? 'restarting' : 'starting');
    try {
      // The shop's init fields are filled but unused by the CDC entries; their options come with `open`.
      const timing = { simAt: 0, realAt: Date.now(), speed: 1, paused: false };
      await this.handles[name].start({ runId: this.runId, config: serviceConfig({ pace: this.setup.pace }), paused: false, timing }, restarting);
      if (name !== 'broker') await this.handles[name].call('open', { pace: this.setup.pace, seed: this.setup.seed });
    } catch (error) {
      // A fatal start (or a kill while starting) has already ended the worker and been reported; a failed open has not.
      if (this.handles[name].status !== 'crashed') {
        this.handles[name].kill();
        this.fail('PROCESS_FAILED', `${name} did not open: ${(error as Error)?.message ?? error}`);
      }
      throw error;
    } finally {
      this.opening.delete(name);
    }
    await this.armPlanned(name);
    // Only now do the connector and the query service start working: a planned crash counts from their first step.
    if (name === 'connector' || name === 'query') await this.call(name, 'run');
    this.publish([{ kind: 'process', process: name, status: this.status(name), armed: this.handles[name].armed }]);
    this.watch.noteChange();
  }

  /** Arms the plan's faults still to come for `name`: its crashes, or (for the broker) its broker faults. */
  private async armPlanned(name: CdcNode): Promise<void> {
    const broker = <T>(method: string, ...args: unknown[]) => this.call<T>('broker', method, ...args).then(() => undefined);
    const targets: FaultTargets<CdcNode> = {
      arm: (process, point, nth) => (process === 'broker' ? undefined : this.crashAt(process, point, nth)),
      duplicateNext: (group, type) => broker('duplicateNext', group, type),
      delayNext: (group, type, ms) => broker('delayNext', group, type, ms),
      refusePublishes: (publishes) => broker('refusePublishes', publishes),
    };
    await this.faults.armProcess(name, targets).catch((error: Error) => this.fail('PROCESS_FAILED', `fault plan: ${error.message}`));
  }

  private onTelemetry(facts: (CdcReport | Fact)[]): void {
    const events: CdcEvent[] = [];
    for (const fact of facts) {
      if (fact.kind === 'broker-fault') this.faults.onBrokerFault(fact, Date.now(), null);
      else if (fact.kind === 'commit' || fact.kind === 'error' || fact.kind.startsWith('cdc-')) events.push(fact as CdcEvent);
    }
    if (!events.length) return;
    if (events.some((e) => e.kind !== 'error')) this.watch.noteChange();
    this.publish(events);
  }

  private onStatus(name: CdcNode, status: ProcessStatus, armed: CrashPoint | null): void {
    // "running" means usable: that is said once `open` has finished.
    if (status === 'running' && this.opening.has(name)) return;
    this.publish([{ kind: 'process', process: name, status: this.opening.get(name) ?? status, armed }]);
  }

  private owed(): Promise<string | null> {
    return cdcOwed((p) => this.status(p), (p, method, ...args) => this.call(p, method, ...args), this.writesRunning);
  }

  /** A check at rest reads every database; if the run moved meanwhile, what was read may be mid-flight, so nothing is concluded. */
  private async verify(settled: boolean): Promise<Anomaly[]> {
    if (!settled) return [];
    const snapshot = await cdcSnapshot((p, method, ...args) => this.call(p, method, ...args));
    if ((await this.owed()) !== null) return [];
    return checkCdcInvariants(snapshot, { settled });
  }

  private async writing<T>(work: () => Promise<T>): Promise<T> {
    this.writesRunning++;
    try {
      return await work();
    } finally {
      this.writesRunning--;
    }
  }

  private call<T>(name: CdcNode, method: string, ...args: unknown[]): Promise<T> {
    if (this.opening.has(name)) return Promise.reject(new PlaygroundError('PROCESS_DOWN', `${name} is ${this.opening.get(name)}`));
    return this.handles[name].call<T>(method, ...args);
  }

  private fail(name: ErrorName, detail?: string): void {
    const event: CdcEvent = { kind: 'error', code: ERRORS[name].code, message: new PlaygroundError(name, detail).message };
    this.errors.push(event);
    this.publish([event]);
  }

  private publish(events: CdcEvent[]): void {
    for (const listener of this.listeners) listener(events);
  }
}
