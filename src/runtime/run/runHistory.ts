// A run's recorded history as the conductor keeps it: every committed fact
// the workers report and every crash, restart and fault firing the conductor
// sees, each stamped with its simulation time (a deterministic run's process
// stamps its own step's time, so a batch arriving late still lands at its
// step); `at` rebuilds a moment through the topology's fold, `inspect` asks
// the topology for an item's causal chain.

import { FactHistory, type HistoryEntry } from '../../core/history/factHistory';
import { qualifiedKind, type HistorySpec, type Inspection } from '../../core/history/historySpec';
import { BASE_BUDGET } from '../../core/history/baseBudget';

export type { HistorySpec } from '../../core/history/historySpec';
import type { TraceEntry } from '../../core/sim/scheduler';

/** A step number of a deterministic run (0: as it started), or a simulation time in any run. */
export type Moment = number | { time: number };

export interface RecordedFact<F = { kind: string }> extends HistoryEntry<F> {
  /** The deterministic step it happened in (0: while the run started); null in a live run. */
  step: number | null;
}

export interface HistoryStats {
  kept: number;
  forgotten: number;
  cap: number;
  /** The oldest moment still rebuilt (simulation time); null while nothing is recorded. */
  oldest: number | null;
  /**
   * Rows the history let go of to keep what it forgot within a budget (core/history/baseBudget.ts): rows written
   * longest before the oldest kept moment, missing from every moment rebuilt until written again.
   */
  rowsLetGo: number;
  /** The most rows it holds of what it forgot. */
  rowBudget: number;
}

export class RunHistory<S, V> {
  private readonly recorded: FactHistory<{ kind: string }, S>;
  /**
   * A live run's facts as facts() hands them out, made once each: a live fact's step is always null, and the
   * timeline reads every kept fact several times a second (up to the cap's 100,000).
   */
  private readonly live = new WeakMap<HistoryEntry<{ kind: string }>, RecordedFact>();

  constructor(
    private readonly spec: HistorySpec<S, V>,
    /** A deterministic run's trace so far; null in a live run. */
    private readonly trace: () => readonly TraceEntry[] | null,
  ) {
    this.recorded = new FactHistory(spec.fold);
  }

  record(fact: { kind: string }, at: number): void {
    this.recorded.record(fact, at);
  }

  /** The whole run as of `moment`, folded from the recorded facts. */
  at(moment: Moment): V {
    return this.spec.moment(this.recorded.stateAt(this.timeOf(moment)));
  }

  /** The whole run as of the newest fact recorded: from the last checkpoint on, never from further back. */
  latest(): V {
    return this.spec.moment(this.recorded.stateAt(Infinity));
  }

  facts(): RecordedFact[] {
    // A deterministic fact's step can still move (one after the last traced step belongs to the step under way).
    if (this.trace()) return this.recorded.facts().map((e) => ({ ...e, step: this.stepOf(e.at) }));
    return this.recorded.facts().map((e) => {
      let fact = this.live.get(e);
      if (!fact) this.live.set(e, (fact = { ...e, step: null }));
      return fact;
    });
  }

  inspect(kind: string, id: string, moment?: Moment): Inspection {
    const time = moment === undefined ? Infinity : this.timeOf(moment);
    // As of the moment: the facts after it neither wrote the item nor caused anything yet.
    const facts = this.recorded.facts().filter((e) => e.at <= time);
    const named = qualifiedKind(kind);
    const found = this.lettingGoSaid(() =>
      this.spec.inspect(this.recorded.stateAt(time), facts, named.kind, id, named.service),
    );
    const c = found.committed;
    return { ...found, committed: c ? { seq: c.seq, at: c.at, step: this.stepOf(c.at) } : null };
  }

  /** Facts kept, forgotten under the cap, the oldest moment still rebuilt, and the rows let go of what it forgot. */
  stats(): HistoryStats {
    const oldest = this.recorded.oldest;
    return {
      kept: this.recorded.facts().length,
      forgotten: this.recorded.forgotten,
      cap: this.recorded.limits.cap,
      oldest: Number.isFinite(oldest) ? oldest : null,
      rowsLetGo: this.recorded.rowsLetGo,
      rowBudget: BASE_BUDGET.rows,
    };
  }

  /** An item not found may be one the history let go of (a row written long before its oldest moment): say so. */
  private lettingGoSaid<T>(find: () => T): T {
    try {
      return find();
    } catch (e) {
      const letGo = this.recorded.rowsLetGo;
      if (!letGo || !(e instanceof Error)) throw e;
      throw new Error(
        `${e.message} (the history let go of ${letGo.toLocaleString('en')} rows written long before its oldest moment: it may be one of them)`,
        { cause: e },
      );
    }
  }

  /** A step's simulation time (its steps' times only grow, so each names one step); a `{ time }` as it is. */
  private timeOf(moment: Moment): number {
    if (typeof moment !== 'number') {
      if (typeof moment?.time !== 'number') throw new Error('a moment is a step number or { time }');
      return moment.time;
    }
    const trace = this.trace();
    if (!trace) throw new Error('a live run has no steps: ask for a moment as { time }');
    if (!Number.isInteger(moment) || moment < 0)
      throw new Error(`a step is a whole number from 0, got ${moment}`);
    if (moment > trace.length)
      throw new Error(`step ${moment} has not happened: the run is at step ${trace.length}`);
    return moment === 0 ? 0 : trace[moment - 1].at;
  }

  private stepOf(at: number): number | null {
    const trace = this.trace();
    if (!trace) return null;
    let lo = 0;
    let hi = trace.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (trace[mid].at < at) lo = mid + 1;
      else hi = mid;
    }
    // A fact after the last recorded step belongs to the step under way.
    return lo < trace.length && trace[lo].at === at ? trace[lo].step : at === 0 ? 0 : lo + 1;
  }
}
