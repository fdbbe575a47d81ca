// What the CDC and the event-sourced conductors share: a fixed set of worker
// processes that each start, then `open` with the page's options before they
// count as running; the listeners and the errors told to them; the planned
// crashes; the anomaly watcher; settle and dispose. A page's conductor extends
// it with its own calls, telemetry, quiet test and invariant check.

import { FaultLedger, type FaultTargets } from '../../core/faults/faultLedger';
import type { CrashPoint } from '../../core/crashPoints';
import type { Anomaly } from '../../core/invariants';
import { waitForQuiet } from '../../core/quiet';
import type { Scenario } from '../../core/scenario/scenario';
import { serviceConfig } from '../../core/service/pace';
import { broadcastChannels, channelNames, type Channel } from '../../core/transport';
import { AnomalyWatcher, type AnomaliesEvent } from '../anomalyWatcher';
import type { ProcessStatus } from '../controller';
import { ERRORS, PlaygroundError, type ErrorName } from '../errors';
import { ProcessHandle } from '../processHandle';
import { deleteStaleRuns, keepRunAlive } from '../runRegistry';
import { PageStepping, type SteppingSpec } from '../stepping/pageStepping';

/** The events every page's conductor tells its listeners, whatever else its own topology adds. */
export type PageEvent<P extends string> =
  /** `armed`: the crash point armed in that process, if any. */
  | { kind: 'process'; process: P; status: ProcessStatus; armed?: CrashPoint | null }
  | { kind: 'crashed'; process: P; point: string }
  | AnomaliesEvent
  | { kind: 'error'; code: string; message: string };

export interface PageConductorOptions<P extends string> {
  runId?: string;
  scenario: Scenario;
  /** Every process of the run, in the order subscribers first hear of them. */
  processes: readonly P[];
  /** Groups started one after another, the processes of a group together: a process may need another one up first. */
  startOrder: readonly (readonly P[])[];
  /** Where each process can crash; a process missing here has no crash points. */
  crashPoints: Partial<Record<P, readonly CrashPoint[]>>;
  spawn: (process: P) => Worker;
  /** Deterministic mode for this topology (src/runtime/stepping); used when the scenario asks for it. */
  stepping?: SteppingSpec<P>;
}

/** `P`: the run's process names; `E`: the events its controller tells (PageEvent<P> among them). */
export abstract class PageConductor<P extends string, E extends { kind: string }> {
  readonly runId: string;
  protected readonly setup: Scenario;
  protected readonly handles: Record<P, ProcessHandle<P>>;
  protected readonly watch: AnomalyWatcher;
  /** The scenario's planned crashes (and broker faults); a (re)started process is armed with those still to come for it. */
  protected readonly faults: FaultLedger;
  /** Restarts waiting for planned outages to end. */
  private readonly outages: ReturnType<typeof setTimeout>[] = [];
  private readonly processes: readonly P[];
  private readonly startOrder: readonly (readonly P[])[];
  private readonly crashPoints: Partial<Record<P, readonly CrashPoint[]>>;
  /** Processes between their worker's start and the end of their `open` call: not yet usable. */
  private readonly opening = new Map<P, 'starting' | 'restarting'>();
  private readonly listeners = new Set<(events: (E | PageEvent<P>)[]) => void>();
  private readonly errors: PageEvent<P>[] = [];
  private readonly telemetry: Channel;
  private stopHeartbeat: () => void = () => undefined;
  /** Deterministic mode: the seeded scheduler grants every step (null in a live run). */
  readonly stepping: PageStepping<P> | null;

  constructor(options: PageConductorOptions<P>) {
    this.runId = options.runId ?? crypto.randomUUID().slice(0, 8);
    this.setup = options.scenario;
    this.processes = options.processes;
    this.startOrder = options.startOrder;
    this.crashPoints = options.crashPoints;
    this.faults = new FaultLedger(options.scenario.faults);
    this.handles = Object.fromEntries(
      options.processes.map((name) => [name, this.handle(name, options.spawn)]),
    ) as Record<P, ProcessHandle<P>>;
    this.watch = new AnomalyWatcher({
      verify: (settled) => this.verify(settled),
      owed: () => this.owed(),
      publish: (events) => this.publish(events),
      quietWaitMs: 0,
      busyCheckEveryMs: 0,
    });
    this.telemetry = broadcastChannels(BroadcastChannel)(channelNames(this.runId).telemetry);
    this.telemetry.onMessage((facts) => this.onTelemetry(facts));
    // Deterministic mode (stepping): its workers are reached straight, not through `call`'s routing.
    this.stepping =
      options.stepping && options.scenario.mode === 'deterministic'
        ? new PageStepping(
            options.stepping,
            {
              processes: options.processes,
              status: (p) => this.status(p),
              restart: (p) => this.restart(p),
              call: <T>(p: P, method: string, ...args: unknown[]) => this.handles[p].call<T>(method, ...args),
            },
            options.scenario,
            this.runId,
          )
        : null;
  }

  async start(): Promise<void> {
    if (typeof indexedDB === 'undefined') return this.fail('IDB_UNAVAILABLE');
    if (typeof Worker === 'undefined') return this.fail('WORKERS_UNAVAILABLE');
    this.stopHeartbeat = keepRunAlive(this.runId);
    void deleteStaleRuns(this.runId).catch(() => undefined);
    for (const group of this.startOrder) await Promise.all(group.map((name) => this.startProcess(name)));
    this.watch.start();
    this.watch.noteChange();
    await this.stepping?.begin(); // deterministic mode
  }

  scenario(): Scenario {
    return structuredClone(this.setup);
  }

  /** A new listener first hears the present: every process's status, errors so far, the latest check. */
  subscribe(listener: (events: (E | PageEvent<P>)[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      ...this.processes.map((name): PageEvent<P> => ({
        kind: 'process',
        process: name,
        status: this.status(name),
        armed: this.handles[name].armed,
      })),
      ...this.errors,
      ...(this.watch.lastCheck ? [this.watch.lastCheck] : []),
    ]);
    return () => void this.listeners.delete(listener);
  }

  status(process: P): ProcessStatus {
    return this.opening.get(process) ?? this.handles[process].status;
  }

  crashNow(process: P): void {
    this.handles[process].kill('manual');
  }

  /** Resolves once the process has the crash armed (a script can then trigger it without a race). */
  crashAt(process: P, point: CrashPoint, nth = 1): Promise<void> {
    const points = this.crashPoints[process];
    if (!points?.includes(point))
      throw new Error(`${process} never reaches "${point}"; it can crash at ${points?.join(', ')}`);
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number from 1, got ${nth}`);
    return this.handles[process].arm(point, nth);
  }

  async restart(process: P): Promise<void> {
    if (this.handles[process].status === 'crashed') await this.startProcess(process, true);
  }

  /** Waits until the page's `owed` says nothing is; then checks everything. */
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
    this.stepping?.stop(); // deterministic mode
    for (const timer of this.outages) clearTimeout(timer);
    this.watch.stop();
    for (const name of this.processes) this.handles[name].kill();
    this.telemetry.close();
    this.stopHeartbeat();
  }

  /** What is still owed: a description of the first thing found, or null when quiet. */
  protected abstract owed(): Promise<string | null>;
  /** The invariant check over a fresh snapshot; `settled` turns on the ones that hold only at rest. */
  protected abstract verify(settled: boolean): Promise<Anomaly[]>;
  /** A batch of what the workers reported on the run's telemetry channel. */
  protected abstract onTelemetry(facts: unknown): void;
  /** Hands a freshly started worker the page's options (what the shop's init message has no field for). */
  protected abstract open(name: P): Promise<void>;
  /** Where the plan's faults for a (re)started process go. */
  protected abstract faultTargets(): FaultTargets<P>;

  /** Called once a process is open and armed, before it counts as running: a page may set it to work here. */
  protected async opened(_name: P): Promise<void> {}

  /** Called after a crash has been told and recorded. */
  protected crashed(_name: P): void {}

  protected call<T>(name: P, method: string, ...args: unknown[]): Promise<T> {
    if (this.opening.has(name))
      return Promise.reject(new PlaygroundError('PROCESS_DOWN', `${name} is ${this.opening.get(name)}`));
    // Deterministic mode: a command waits for its step.
    if (this.stepping?.routes(name, method)) return this.stepping.request<T>(name, method, args);
    return this.handles[name].call<T>(method, ...args);
  }

  protected fail(name: ErrorName, detail?: string): void {
    const event: PageEvent<P> = {
      kind: 'error',
      code: ERRORS[name].code,
      message: new PlaygroundError(name, detail).message,
    };
    this.errors.push(event);
    this.publish([event]);
  }

  protected publish(events: (E | PageEvent<P>)[]): void {
    for (const listener of this.listeners) listener(events);
  }

  private handle(name: P, spawn: (process: P) => Worker): ProcessHandle<P> {
    return new ProcessHandle<P>(
      name,
      {
        onStatus: (status, armed) => this.onStatus(name, status, armed),
        onCrashed: (point) => {
          this.publish([{ kind: 'crashed', process: name, point }]);
          const fired = this.faults.onCrash(name, point, Date.now(), null);
          this.crashed(name);
          // A planned outage: these runs keep no simulation clock, so it lasts its downMs of real time.
          const back = fired ? this.faults.comesBackAt(name) - Date.now() : 0;
          if (back > 0)
            this.outages.push(setTimeout(() => void this.restart(name).catch(() => undefined), back));
        },
        onFatal: (code, message) =>
          this.fail(code in ERRORS ? (code as ErrorName) : 'PROCESS_FAILED', `${name}: ${message}`),
      },
      spawn,
    );
  }

  private async startProcess(name: P, restarting = false): Promise<void> {
    this.opening.set(name, restarting ? 'restarting' : 'starting');
    try {
      // The shop's init fields are filled but unused by these entries; their options come with `open`.
      const timing = { simAt: 0, realAt: Date.now(), speed: 1, paused: false };
      await this.handles[name].start(
        {
          runId: this.runId,
          config: serviceConfig({ pace: this.setup.pace }),
          paused: false,
          timing,
          deterministic: this.stepping?.initFor(name), // deterministic mode
        },
        restarting,
      );
      await this.open(name);
    } finally {
      this.opening.delete(name);
    }
    await this.armPlanned(name);
    await this.opened(name);
    this.publish([
      { kind: 'process', process: name, status: this.status(name), armed: this.handles[name].armed },
    ]);
    this.watch.noteChange();
  }

  /** Arms the plan's faults still to come for `name`. */
  private async armPlanned(name: P): Promise<void> {
    await this.faults
      .armProcess(name, this.faultTargets())
      .catch((error: Error) => this.fail('PROCESS_FAILED', `fault plan: ${error.message}`));
  }

  private onStatus(name: P, status: ProcessStatus, armed: CrashPoint | null): void {
    // "running" means usable: that is said once `open` has finished.
    if (status === 'running' && this.opening.has(name)) return;
    this.publish([{ kind: 'process', process: name, status: this.opening.get(name) ?? status, armed }]);
  }
}
