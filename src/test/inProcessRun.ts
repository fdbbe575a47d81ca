// Test code, never shipped: what the in-process controllers of the
// event-sourced and CDC runs share — the part a page's conductor does for its
// workers, done for hosts built in this process by a harness (esHarness.ts,
// cdcHarness.ts). Processes with a status and an armed crash point, listeners
// that first hear the present, calls refused while a process is down and
// failed as PROCESS_DOWN when it dies under them, restart as a new host over
// the same databases, and settle: quiet, then the run's real invariant check.

import type { CrashPoint } from '../core/crashPoints';
import type { Anomaly } from '../core/invariantCatalogue';
import { waitForQuiet } from '../core/quiet';
import type { Scenario } from '../core/scenario/scenario';
import type { ProcessStatus, RunMode, SimState } from '../runtime/controller';
import { PlaygroundError } from '../runtime/errors';
import { liveSimState } from '../runtime/stepDriver';
import type { HistorySpec, Inspection } from '../core/history/historySpec';
import type { HistoryStats } from '../runtime/historyReads';
import { RunRecorder } from '../runtime/run/RunRecorder';
import type { Moment, RecordedFact } from '../runtime/run/runHistory';

/** The events every run's controller tells, whatever else its topology adds. */
export type RunEvent<P extends string> =
  | { kind: 'process'; process: P; status: ProcessStatus; armed?: CrashPoint | null }
  | { kind: 'crashed'; process: P; point: string }
  | { kind: 'anomalies'; anomalies: Anomaly[]; settled: boolean };

export interface InProcessRunOptions<P extends string> {
  setup: Scenario;
  /** Every process, in the order they start and subscribers first hear of them. */
  processes: readonly P[];
  /** Where each process can crash; a process missing here has none. */
  crashPoints: Partial<Record<P, readonly CrashPoint[]>>;
}

/** `P`: the run's process names; `E`: the events its controller tells (RunEvent<P> among them). */
export abstract class InProcessRun<P extends string, E extends { kind: string }> {
  abstract readonly runId: string;
  protected readonly setup: Scenario;
  private readonly processes: readonly P[];
  private readonly crashPoints: Partial<Record<P, readonly CrashPoint[]>>;
  private readonly statuses = new Map<P, ProcessStatus>();
  private readonly armed = new Map<P, CrashPoint | null>();
  /** Bumped at each death: a call that began in an earlier life failed because its process died. */
  private readonly lives = new Map<P, number>();
  private readonly listeners = new Set<(events: (E | RunEvent<P>)[]) => void>();
  private lastCheck: RunEvent<P> | null = null;
  private latest: Anomaly[] = [];
  /** The run's history, recorded from what it tells, as the page's conductor records its workers' facts. */
  private readonly recorder = new RunRecorder({
    spec: () => this.historySpec(),
    trace: () => null,
    now: () => performance.now(),
  });

  constructor(options: InProcessRunOptions<P>) {
    this.setup = options.setup;
    this.processes = options.processes;
    this.crashPoints = options.crashPoints;
    for (const p of options.processes) {
      this.statuses.set(p, 'starting');
      this.armed.set(p, null);
      this.lives.set(p, 0);
    }
  }

  /** Starts every process, in order. */
  async start(): Promise<void> {
    for (const p of this.processes) await this.startProcess(p, 'starting');
  }

  scenario(): Scenario {
    return structuredClone(this.setup);
  }

  /** A new listener first hears the present: every process's status, and the latest check. */
  subscribe(listener: (events: (E | RunEvent<P>)[]) => void): () => void {
    this.listeners.add(listener);
    listener([
      ...this.processes.map((p) => this.processEvent(p)),
      ...(this.lastCheck ? [this.lastCheck] : []),
    ]);
    return () => void this.listeners.delete(listener);
  }

  status(process: P): ProcessStatus {
    return this.statuses.get(process)!;
  }

  crashNow(process: P): void {
    if (this.status(process) === 'running') this.killHost(process);
  }

  /** Arms the host now: the `nth` time (default: next time) it reaches `point`, it dies. */
  crashAt(process: P, point: CrashPoint, nth = 1): void {
    const points = this.crashPoints[process];
    if (!points?.includes(point))
      throw new Error(`${process} never reaches "${point}"; it can crash at ${points?.join(', ')}`);
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number from 1, got ${nth}`);
    this.armed.set(process, point);
    if (this.status(process) === 'running') this.armHost(process, point, nth);
    this.publish([this.processEvent(process)]);
  }

  /** A crashed process only: a new host over the same databases, unarmed. */
  async restart(process: P): Promise<void> {
    if (this.status(process) === 'crashed') await this.startProcess(process, 'restarting');
  }

  /** Waits until nothing is owed, then checks the run's invariants and tells the verdict. */
  async settle(timeoutMs = 30_000): Promise<void> {
    await waitForQuiet(() => this.owed(), timeoutMs).catch((error: Error) => {
      throw new PlaygroundError('SETTLE_TIMEOUT', error.message);
    });
    this.latest = await this.verify();
    this.lastCheck = { kind: 'anomalies', anomalies: this.latest, settled: true };
    this.publish([this.lastCheck]);
  }

  // An in-process run is live: its processes run on real time, nothing to step (the deterministic harnesses step).
  readonly mode: RunMode = 'live';

  simState(): SimState {
    return liveSimState(this.setup.seed, 0, true);
  }

  step(): Promise<void> {
    return Promise.reject(new PlaygroundError('NOT_DETERMINISTIC'));
  }

  runToEnd(): Promise<void> {
    return this.step();
  }

  play(): void {}

  pause(): void {}

  anomalies(): Anomaly[] {
    return [...this.latest];
  }

  /** Closes every host (and with them every BroadcastChannel, which would keep Node alive). */
  dispose(): void {
    this.listeners.clear();
    this.closeHosts();
  }

  /** Builds the process's host over its databases and starts it (a restart is the same: a new host). */
  protected abstract startHost(process: P): Promise<void>;
  /** Ends the process where it stands; its harness then reports the death (`died`). */
  protected abstract killHost(process: P): void;
  protected abstract armHost(process: P, point: CrashPoint, nth: number): void;
  /** What is still owed: a description of the first thing found, or null at rest. */
  protected abstract owed(): Promise<string | null>;
  /** The topology's invariant check, at rest. */
  protected abstract verify(): Promise<Anomaly[]>;
  protected abstract closeHosts(): void;
  /** How the topology's facts fold (core/history): the conductor's own spec. */
  protected abstract historySpec(): HistorySpec<unknown, unknown>;

  at(moment: Moment): Promise<unknown> {
    return this.recorder.at(moment);
  }

  recordedFacts(): Promise<RecordedFact[]> {
    return this.recorder.facts();
  }

  inspect(kind: string, id: string, moment?: Moment): Promise<Inspection> {
    return this.recorder.inspect(kind, id, moment);
  }

  historyStats(): HistoryStats {
    return this.recorder.stats();
  }

  /** Tells every listener, now: the hosts report inside their own steps, as a worker's telemetry would. */
  protected publish(events: (E | RunEvent<P>)[]): void {
    this.recorder.heard(events);
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        // A listener's bug must not break the host step that reported; it still fails the test.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** The harness's word that a process died (at a crash point, or killed). */
  protected died(process: P, point: CrashPoint | 'manual'): void {
    this.lives.set(process, this.lives.get(process)! + 1);
    this.statuses.set(process, 'crashed');
    this.armed.set(process, null);
    this.publish([this.processEvent(process), { kind: 'crashed', process, point }]);
  }

  /** Runs `work` on a process that is up; if the process dies before it ends, it fails as the conductor's call would. */
  protected async call<T>(process: P, work: () => Promise<T>): Promise<T> {
    const status = this.status(process);
    if (status !== 'running') throw new PlaygroundError('PROCESS_DOWN', `${process} is ${status}`);
    const life = this.lives.get(process);
    try {
      return await work();
    } catch (error) {
      if (this.lives.get(process) !== life) throw new PlaygroundError('PROCESS_DOWN', `${process} crashed`);
      throw error;
    }
  }

  private async startProcess(process: P, status: 'starting' | 'restarting'): Promise<void> {
    this.statuses.set(process, status);
    this.armed.set(process, null);
    this.publish([this.processEvent(process)]);
    await this.startHost(process);
    this.statuses.set(process, 'running');
    this.publish([this.processEvent(process)]);
  }

  private processEvent(process: P): RunEvent<P> {
    return { kind: 'process', process, status: this.status(process), armed: this.armed.get(process) };
  }
}

/** Resolves with the run once every process is up. */
export async function started<R extends { start(): Promise<void> }>(run: R): Promise<R> {
  await run.start();
  return run;
}

/** How many of something are under way (writes, transfers): settle waits for none. */
export class UnderWay {
  count = 0;

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
    }
  }
}
