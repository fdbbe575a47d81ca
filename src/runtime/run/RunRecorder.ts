// What the one conductor records of a run, and reads back: every fact its
// workers report and what only the conductor sees happen (a crash, a restart,
// a fault firing), each at its simulation time, in a RunHistory made on
// first use. Reads wait for the facts still on their way (they come in 16 ms
// batches) before folding a moment.

import type { HistorySpec, Inspection } from '../../core/history/historySpec';
import type { TraceEntry } from '../../core/sim/scheduler';
import { StringInterner } from '../../core/history/stringInterner';
import { RunHistory, type Moment, type RecordedFact } from './runHistory';

/** The conductor's own events that are facts of the history too. */
const CONDUCTOR_FACTS = new Set(['crashed', 'process', 'fault-fired']);

export interface RecorderDeps {
  /** How the topology's facts fold into its snapshot's shape (asked once, on first use). */
  spec(): HistorySpec<unknown, unknown>;
  /** A deterministic run's trace so far; null in a live run. */
  trace(): readonly TraceEntry[] | null;
  /** Simulation time now: the time of a fact its process did not stamp. */
  now(): number;
}

export class RunRecorder {
  private history: RunHistory<unknown, unknown> | null = null;
  private lastArrival = 0;
  /** The workers' facts share one copy of each string they repeat (stringInterner.ts). */
  private readonly strings = new StringInterner();

  constructor(private readonly deps: RecorderDeps) {}

  /** A batch of the workers' facts arrived. */
  heard(batch: { kind: string }[]): void {
    this.lastArrival = performance.now();
    for (const fact of batch) this.remember(this.strings.internAll(fact));
  }

  /** The conductor told its listeners these: the ones only it sees happen are recorded. */
  told(events: { kind: string }[]): void {
    for (const e of events) if (CONDUCTOR_FACTS.has(e.kind)) this.remember(e);
  }

  async at(moment: Moment): Promise<unknown> {
    await this.quiet();
    return this.recorded().at(moment);
  }

  /**
   * The run as of the newest fact heard, at once: a busy run's next batch is always on its way, so waiting for
   * quiet would only wait out the full second. What is missing is at most a batch or two of each process.
   */
  latest(): unknown {
    return this.recorded().latest();
  }

  async facts(): Promise<RecordedFact[]> {
    await this.quiet();
    return this.recorded().facts();
  }

  async inspect(kind: string, id: string, moment?: Moment): Promise<Inspection> {
    await this.quiet();
    return this.recorded().inspect(kind, id, moment);
  }

  stats(): ReturnType<RunHistory<unknown, unknown>['stats']> {
    return this.recorded().stats();
  }

  private recorded(): RunHistory<unknown, unknown> {
    return (this.history ??= new RunHistory(this.deps.spec(), () => this.deps.trace()));
  }

  /** Wait until no facts arrived for a while (at most a second): the last batch may still be on its way. */
  private async quiet(quietMs = 60, maxMs = 1_000): Promise<void> {
    const until = performance.now() + maxMs;
    while (performance.now() < until && performance.now() - this.lastArrival < quietMs)
      await new Promise((resolve) => setTimeout(resolve, quietMs / 3));
  }

  /** A fact's time: the one its process stamped (a deterministic step's), or now. */
  private remember(fact: { kind: string; at?: unknown }): void {
    const at = typeof fact.at === 'number' ? fact.at : this.deps.now();
    this.recorded().record(fact, at);
  }
}
