// The bounded, append-only history of a run's committed facts and the fold
// that rebuilds any kept moment from them. Owns the facts, their order (by
// simulation time, arrival order within one time) and the checkpoints; knows
// nothing of any topology (its fold says what a fact does) and touches no
// database, worker or clock.
//
// The cap (HISTORY_LIMITS): at most `cap` facts are kept (100,000). Past it
// the oldest tenth is folded into a base state and forgotten, so the history
// still rebuilds every moment from the oldest kept fact on, and refuses an
// earlier one by saying which is the oldest (HistoryTrimmed). A checkpoint of
// the folded state is kept every `checkpointEvery` facts, so a moment is
// never folded from further back than one spacing. The folds' states are
// copy-on-write (TablesMirror), so a checkpoint holds only what changed since
// the one before it and a hundred of them cost a few MB; past
// `maxCheckpoints` they are thinned to every other one and the spacing doubles.
// The fold runs alongside the recording: each fact recorded is folded into a
// running state (a few more while it catches up), a checkpoint is a copy of
// that state, and the newest moment is a copy of it too. So no one record
// folds a thousand facts at once, and the newest moment folds none.
//
// Memory, then: the kept facts, the base (the databases' rows as of the
// oldest kept moment) and what each checkpoint changed. The base would be as
// big as the databases are, whatever the cap, so a fold may bound it
// (`letGo`, see baseBudget.ts): it lets go of its oldest-written rows, and
// the checkpoints, which still hold them, are laid again from it, so every
// kept moment lacks the same rows. What was let go is counted (`rowsLetGo`).
// Laying them again is the running fold going back to the base and catching
// up over the facts recorded next (LAY_PER_FACT each), so no one record
// stalls the page; a moment asked for meanwhile lays them up to itself.
// Measured in npm run bench, section history.

export interface HistoryEntry<F> {
  /** Arrival order over the whole run: never reused, also once older facts are forgotten. */
  seq: number;
  /** Simulation time the fact happened at (in a deterministic run, the time of the step it happened in). */
  at: number;
  fact: F;
}

/** What a topology's facts do to its folded state. */
export interface HistoryFold<F, S> {
  empty(): S;
  /** A copy that `apply` may change without changing the original (the original then stays as it is). */
  clone(state: S): S;
  /** A copy for a checkpoint to keep: nothing done to the state afterwards may change it. */
  compact(state: S): S;
  /** Applies one fact to `state` in place. */
  apply(state: S, fact: F): void;
  /** Lets go of what the base holds past its budget, in place; returns how many rows it let go. */
  letGo?(base: S): number;
}

export interface HistoryLimits {
  /** Facts kept; older ones are folded into the base and forgotten. */
  cap: number;
  /** Facts between two checkpoints at first. */
  checkpointEvery: number;
  /** Checkpoints kept at most (the spacing doubles when there would be more). */
  maxCheckpoints: number;
}

/** 100 checkpoints fit under the cap at the first spacing, so it never doubles in a capped run. */
export const HISTORY_LIMITS: HistoryLimits = { cap: 100_000, checkpointEvery: 1_000, maxCheckpoints: 128 };

/** Facts the running fold takes in per fact recorded: more than one, so it catches up when it fell behind. */
const LAY_PER_FACT = 16;

interface Checkpoint<S> {
  /** Facts folded into `state`, counted from the run's first. */
  count: number;
  state: S;
}

/** An `at` before the oldest moment the history still holds. */
export class HistoryTrimmed extends Error {
  constructor(
    readonly asked: number,
    readonly oldest: number,
    cap: number,
  ) {
    super(
      `the history keeps the last ${cap} facts: the oldest moment it can rebuild is time ${oldest}, not ${asked}`,
    );
  }
}

export class FactHistory<F, S> {
  readonly limits: HistoryLimits;
  private entries: HistoryEntry<F>[] = [];
  /** Facts folded into the base and forgotten. */
  private dropped = 0;
  /** The state after the forgotten facts; `at`: the time of the newest of them (-Infinity while none is). */
  private base: { at: number; state: S };
  /** Sorted by count, all above the base's. */
  private checkpoints: Checkpoint<S>[] = [];
  private every: number;
  private nextSeq = 0;
  private letGoCount = 0;
  /**
   * The running fold: the state after the first `count` facts of the run, folded fact by fact as they are recorded.
   * Normally at the newest; behind after the checkpoints past a fact that arrived late (or past a base that let
   * rows go) were dropped, and catching up. Checkpoints past `count` are not there yet.
   */
  private laying: Checkpoint<S>;

  constructor(
    private readonly fold: HistoryFold<F, S>,
    limits: Partial<HistoryLimits> = {},
  ) {
    this.limits = { ...HISTORY_LIMITS, ...limits };
    this.every = this.limits.checkpointEvery;
    this.base = { at: -Infinity, state: fold.empty() };
    this.laying = { count: 0, state: fold.empty() };
  }

  /** Records one fact that happened at simulation time `at`. */
  record(fact: F, at: number): void {
    const entry = { seq: this.nextSeq++, at, fact };
    if (at < this.base.at) {
      // Older than everything kept (a straggler after a trim): it only changes the base.
      this.fold.apply(this.base.state, fact);
      this.layAgainFrom({ count: this.dropped, state: this.base.state });
      return;
    }
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1].at > at) i--;
    if (i === this.entries.length) this.entries.push(entry);
    else {
      // A fact of another process that arrived after later ones: checkpoints past it are no longer true.
      this.entries.splice(i, 0, entry);
      const count = this.dropped + i;
      this.checkpoints = this.checkpoints.filter((c) => c.count <= count);
      if (this.laying.count > count)
        this.layAgainFrom(this.checkpoints.at(-1) ?? { count: this.dropped, state: this.base.state });
    }
    if (this.entries.length > this.limits.cap) this.trim();
    this.checkpoint();
  }

  /** Every kept fact, in order. */
  facts(): readonly HistoryEntry<F>[] {
    return this.entries;
  }

  /** How many facts were recorded and then forgotten under the cap. */
  get forgotten(): number {
    return this.dropped;
  }

  /** Rows the base let go of under its budget: kept moments lack up to this many rows written before them. */
  get rowsLetGo(): number {
    return this.letGoCount;
  }

  /** The oldest moment this history can rebuild (-Infinity: every moment since the run began). */
  get oldest(): number {
    return this.base.at;
  }

  /** The folded state as of time `time`: every kept fact at or before it. */
  stateAt(time: number): S {
    if (time < this.base.at) throw new HistoryTrimmed(time, this.base.at, this.limits.cap);
    return this.foldTo(this.dropped + this.upTo(time));
  }

  /** How many kept facts happened at or before `time`. */
  private upTo(time: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].at <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The state after the first `count` facts of the run (count at least the forgotten ones). */
  private foldTo(count: number): S {
    if (this.laying.count < count) this.layTo(count);
    if (this.laying.count === count) return this.fold.clone(this.laying.state);
    let from: Checkpoint<S> = { count: this.dropped, state: this.base.state };
    for (const c of this.checkpoints) if (c.count <= count) from = c;
    const state = this.fold.clone(from.state);
    for (let i = from.count - this.dropped; i < count - this.dropped; i++)
      this.fold.apply(state, this.entries[i].fact);
    return state;
  }

  private checkpoint(): void {
    this.layTo(this.laying.count + LAY_PER_FACT);
  }

  private keep(checkpoint: Checkpoint<S>): void {
    this.checkpoints.push(checkpoint);
    if (this.checkpoints.length > this.limits.maxCheckpoints) {
      this.checkpoints = this.checkpoints.filter((_, i) => i % 2 === 1);
      this.every *= 2;
    }
  }

  /** Lays the checkpoints again from `from` (a kept state: it is copied) on, as facts are recorded next. */
  private layAgainFrom(from: Checkpoint<S>): void {
    this.checkpoints = this.checkpoints.filter((c) => c.count <= from.count);
    this.laying = { count: from.count, state: this.fold.clone(from.state) };
  }

  /** Folds the running state on up to the first `count` facts (or the newest), keeping a checkpoint every spacing. */
  private layTo(count: number): void {
    const laying = this.laying;
    const end = Math.min(count, this.dropped + this.entries.length);
    while (laying.count < end) {
      this.fold.apply(laying.state, this.entries[laying.count - this.dropped].fact);
      laying.count++;
      const last = this.checkpoints.at(-1)?.count ?? this.dropped;
      if (laying.count - last >= this.every)
        this.keep({ count: laying.count, state: this.fold.compact(laying.state) });
    }
  }

  /** Forgets the oldest tenth (whole moments: never half of the facts of one time), folding it into the base. */
  private trim(): void {
    let n = Math.max(1, Math.floor(this.limits.cap / 10));
    while (n < this.entries.length && this.entries[n].at === this.entries[n - 1].at) n++;
    const count = this.dropped + n;
    const state = this.fold.compact(this.foldTo(count));
    this.base = { at: this.entries[n - 1].at, state };
    this.entries = this.entries.slice(n);
    this.dropped = count;
    this.checkpoints = this.checkpoints.filter((c) => c.count > count);
    const letGo = this.fold.letGo?.(state) ?? 0;
    this.letGoCount += letGo;
    // The checkpoints and the running fold still hold what the base let go of (the running fold is past `count`).
    if (letGo > 0) this.layAgainFrom({ count, state });
  }
}
