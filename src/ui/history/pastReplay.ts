// A past moment of a page's state, rebuilt by folding the run's recorded
// facts through the page's own reducer — the same code that drew the live
// canvas from the same facts, so a past canvas is what the live one showed
// then, never a guess. Checkpoints every `every` facts keep a drag along the
// timeline from refolding the whole run: a moment costs at most `every` facts
// past the nearest checkpoint before it. Pure; no React, no stores.

import type { RecordedFact } from '../../runtime/historyReads';

export interface PastReplay<S> {
  /** The state after the first `count` facts of `facts`. */
  stateAfter(facts: readonly RecordedFact[], count: number): S;
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
): PastReplay<S> {
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

  return {
    stateAfter(facts, count) {
      const wanted = Math.max(0, Math.min(count, facts.length));
      // Keep the checkpoints that still describe this history (a forgotten or late fact changes its prefix).
      const kept = checkpoints.findIndex((c) => !valid(c, facts));
      if (kept >= 0) checkpoints = checkpoints.slice(0, kept);
      let base: Checkpoint<S> = { count: 0, lastSeq: null, state: empty() };
      for (const c of checkpoints) if (c.count <= wanted) base = c;
      let { state, count: at } = base;
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
    },
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
