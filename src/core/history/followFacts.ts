// A derivation of the recorded facts kept up to date as the history grows:
// each read folds only the facts new since the one before, and the whole
// history again only when the facts already folded changed — the history
// forgot its oldest (a from-scratch derivation would start later), or a late
// fact came in before the last one folded. The result is the same as the
// derivation from scratch over the read's facts, only cheaper. Pure.

/** The recorded facts as one read saw them, and how many the history had forgotten by then. */
export interface FactsRead<E> {
  facts: readonly E[];
  forgotten: number;
}

export interface IncrementalFold<E, S, R> {
  /** A fresh state for these facts (a fold may first survey them all, for what is fixed over a run). */
  start(facts: readonly E[]): S;
  /** Folds `facts[from…to)` into the state; false: they change what was folded before (start again). */
  add(state: S, facts: readonly E[], from: number, to: number): boolean;
  /** The derivation as of every fact folded so far. */
  result(state: S, facts: readonly E[]): R;
}

interface Folded<S> {
  state: S;
  /** Facts folded, the seq of the last of them and the history's forgotten count when they were read. */
  count: number;
  lastSeq: number | null;
  /** The last one's time too: a new run's history reuses seqs, and rarely at the same times. */
  lastAt: number | null;
  forgotten: number;
}

/** How the derivation was brought up to date by the last read (for tests and the bench). */
export type FollowStep = 'same' | 'added' | 'rebuilt';

export interface FollowedFold<E, R> {
  (read: FactsRead<E>): R;
  /** What the last call did. */
  lastStep(): FollowStep;
}

/** A derivation that folds each read's new facts into what it folded of the reads before. */
export function followFacts<E extends { seq: number; at: number }, S, R>(
  fold: IncrementalFold<E, S, R>,
): FollowedFold<E, R> {
  let folded: Folded<S> | null = null;
  let last: { read: FactsRead<E>; result: R } | null = null;
  let step: FollowStep = 'rebuilt';

  const rebuild = (read: FactsRead<E>): Folded<S> => {
    const state = fold.start(read.facts);
    fold.add(state, read.facts, 0, read.facts.length);
    const last = read.facts.at(-1);
    return {
      state,
      count: read.facts.length,
      lastSeq: last?.seq ?? null,
      lastAt: last?.at ?? null,
      forgotten: read.forgotten,
    };
  };

  const follow = (read: FactsRead<E>): R => {
    if (last && last.read.facts === read.facts && last.read.forgotten === read.forgotten) {
      step = 'same';
      return last.result;
    }
    const { facts } = read;
    if (folded && stillFolded(folded, read)) {
      const grew = facts.length > folded.count;
      if (grew && !fold.add(folded.state, facts, folded.count, facts.length)) {
        folded = rebuild(read);
        step = 'rebuilt';
      } else {
        folded.count = facts.length;
        folded.lastSeq = facts.at(-1)?.seq ?? null;
        folded.lastAt = facts.at(-1)?.at ?? null;
        step = grew ? 'added' : 'same';
      }
    } else {
      folded = rebuild(read);
      step = 'rebuilt';
    }
    last = { read, result: fold.result(folded.state, facts) };
    return last.result;
  };
  follow.lastStep = () => step;
  return follow;
}

/** The facts folded are still the first ones of this read, in the same order, none forgotten since. */
function stillFolded<S>(folded: Folded<S>, read: FactsRead<{ seq: number; at: number }>): boolean {
  if (read.forgotten !== folded.forgotten || folded.count > read.facts.length) return false;
  if (folded.count === 0) return true;
  // Seqs are never reused: a fact forgotten, or a late one come in before it, moves another seq to this place.
  const lastFolded = read.facts[folded.count - 1];
  return lastFolded.seq === folded.lastSeq && lastFolded.at === folded.lastAt;
}
