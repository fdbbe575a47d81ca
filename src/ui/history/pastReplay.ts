// A past moment of a page's state, rebuilt by folding the run's recorded
// facts through the page's own reducer — the same code that drew the live
// canvas from the same facts, so a past canvas is what the live one showed
// then, never a guess. Checkpoints every `every` facts keep a drag along the
// timeline from refolding the whole run: a moment costs at most `every` facts
// past the nearest checkpoint before it. Pure; no React, no stores.
//
// Past its cap the history forgets its oldest facts. A replay that followed
// the facts as they were read (`follow`) folds what is forgotten into its base
// first, so every moment still kept is drawn whole; one that missed them (the
// facts were forgotten before it read them) says from when its moments lack
// what came before (`wholeFrom`), rather than draw them as if nothing had.
// A replay given `letGo` keeps its base within a budget the same way the
// history's does (core/history/baseBudget.ts) and counts what it let go.

import type { RecordedFact } from '../../runtime/historyReads';

/** The recorded facts as one read saw them, and how many the history had forgotten by then. */
export interface FactsRead {
  facts: readonly RecordedFact[];
  forgotten: number;
}

export interface PastReplay<S> {
  /** The state after the first `count` facts of `facts` (on top of what the history forgot, when followed). */
  stateAfter(facts: readonly RecordedFact[], count: number): S;
  /** The facts moved from one read to the next: fold into the base what the history forgot in between. */
  follow(before: FactsRead, after: FactsRead): void;
  /** Null while the base holds everything forgotten; else the time of the first fact it was folded without. */
  wholeFrom(): number | null;
  /** Rows the base let go of under its budget: past moments lack up to this many rows written long before. */
  rowsLetGo(): number;
}

interface Checkpoint<S> {
  /** How many facts it folds. */
  count: number;
  /** The seq of its last fact: a history that forgot or reordered facts before it no longer matches. */
  lastSeq: number | null;
  state: S;
}

export function createPastReplay<S>(
  empty: () => S,
  apply: (state: S, facts: readonly { kind: string }[]) => S,
  every = 2_000,
  /** Lets go of what the base holds past its budget, in place; returns how many rows. */
  letGo?: (base: S) => number,
): PastReplay<S> {
  // The state before the first kept fact: what the history forgot, folded (nothing, until it forgets).
  let base: Checkpoint<S> = { count: 0, lastSeq: null, state: empty() };
  let missingFrom: number | null = null;
  /** How many forgotten facts the base holds. */
  let covered = 0;
  let letGoCount = 0;
  let checkpoints: Checkpoint<S>[] = [];
  const seqAt = (facts: readonly RecordedFact[], count: number) => (count ? facts[count - 1].seq : null);
  const valid = (c: Checkpoint<S>, facts: readonly RecordedFact[]) =>
    c.count <= facts.length && seqAt(facts, c.count) === c.lastSeq;

  const fold = (state: S, facts: readonly RecordedFact[], from: number, to: number) =>
    from === to
      ? state
      : apply(
          state,
          facts.slice(from, to).map((f) => f.fact),
        );

  const stateAfter = (facts: readonly RecordedFact[], count: number): S => {
    const wanted = Math.max(0, Math.min(count, facts.length));
    // Keep the checkpoints that still describe this history (a forgotten or late fact changes its prefix).
    const kept = checkpoints.findIndex((c) => !valid(c, facts));
    if (kept >= 0) checkpoints = checkpoints.slice(0, kept);
    let from = base;
    for (const c of checkpoints) if (c.count <= wanted) from = c;
    let { state, count: at } = from;
    // Lay new checkpoints on the way, so the next moment nearby starts close.
    while (at + every <= wanted) {
      state = fold(state, facts, at, at + every);
      at += every;
      if (!checkpoints.some((c) => c.count === at)) {
        checkpoints.push({ count: at, lastSeq: seqAt(facts, at), state });
        checkpoints.sort((a, b) => a.count - b.count);
      }
    }
    return fold(state, facts, at, wanted);
  };

  return {
    stateAfter,
    follow(before, after) {
      if (after.forgotten === covered) return;
      // The history forgets its oldest facts: they are the prefix of the last read, up to the first one kept.
      const firstKept = after.facts.length ? after.facts[0].seq : null;
      const dropped =
        firstKept === null ? before.facts.length : before.facts.findIndex((f) => f.seq === firstKept);
      const whole = before.forgotten === covered && dropped === after.forgotten - covered;
      covered = after.forgotten;
      if (!whole) {
        // Forgotten before this replay read them: the base cannot be made whole again.
        base = { count: 0, lastSeq: null, state: empty() };
        checkpoints = [];
        missingFrom ??= after.facts[0]?.at ?? null;
        return;
      }
      base = { count: 0, lastSeq: null, state: stateAfter(before.facts, dropped) };
      const letGone = letGo?.(base.state) ?? 0;
      letGoCount += letGone;
      // The checkpoints past the forgotten facts still hold: they count from the new first fact now. Unless the
      // base let rows go, which they still hold: then they are laid again from it as moments are asked for.
      checkpoints = letGone
        ? []
        : checkpoints
            .filter((c) => c.count > dropped && valid(c, before.facts))
            .map((c) => ({ ...c, count: c.count - dropped }));
    },
    wholeFrom: () => missingFrom,
    rowsLetGo: () => letGoCount,
  };
}

/** How many of the facts happened by `moment`: a deterministic step counts its facts, a time the facts until then. */
export function factsBy(
  facts: readonly RecordedFact[],
  moment: { time: number; step: number | null },
): number {
  const within =
    moment.step === null
      ? (f: RecordedFact) => f.at <= moment.time
      : (f: RecordedFact) => (f.step ?? 0) <= moment.step!;
  // Facts are in time order (and steps only grow with time): the first one past the moment ends the count.
  let lo = 0;
  let hi = facts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (within(facts[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
