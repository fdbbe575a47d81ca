import { describe, expect, it } from 'vitest';
import type { RecordedFact } from '../../runtime/historyReads';
import { createPastReplay, factsBy } from './pastReplay';

const fact = (seq: number, at: number, step: number | null = null): RecordedFact => ({
  seq,
  at,
  step,
  fact: { kind: 'n', n: seq } as { kind: string },
});

// A reducer that remembers every fact it saw, in order: a moment is right only if it folded exactly its prefix.
const seen = () =>
  createPastReplay<number[]>(
    () => [],
    (state, facts) => [...state, ...facts.map((f) => (f as unknown as { n: number }).n)],
    3,
  );

describe('past moments folded from the recorded facts', () => {
  const facts = Array.from({ length: 10 }, (_, i) => fact(i + 1, i * 10));

  it('folds exactly the first count facts, from a checkpoint or from the start', () => {
    const replay = seen();
    expect(replay.stateAfter(facts, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(replay.stateAfter(facts, 2)).toEqual([1, 2]);
    expect(replay.stateAfter(facts, 10)).toEqual(facts.map((f) => f.seq));
    expect(replay.stateAfter(facts, 0)).toEqual([]);
    expect(replay.stateAfter(facts, 99)).toHaveLength(10);
  });

  it('drops checkpoints a changed history no longer matches (a forgotten or late fact)', () => {
    const replay = seen();
    expect(replay.stateAfter(facts, 9)).toHaveLength(9);
    // A late fact lands at index 1: every checkpoint after it describes another prefix.
    const late = [facts[0], fact(99, 5), ...facts.slice(1)];
    expect(replay.stateAfter(late, 7)).toEqual([1, 99, 2, 3, 4, 5, 6]);
    const forgotten = facts.slice(4);
    expect(replay.stateAfter(forgotten, 3)).toEqual([5, 6, 7]);
  });

  it('folds what the history forgets into its base, so the oldest kept moments stay whole', () => {
    const replay = seen();
    const first = { facts: facts.slice(0, 7), forgotten: 0 };
    expect(replay.stateAfter(first.facts, 7)).toHaveLength(7);
    // The next read: the oldest four forgotten under the cap, three more recorded.
    const next = { facts: facts.slice(4), forgotten: 4 };
    replay.follow(first, next);
    expect(replay.stateAfter(next.facts, 0)).toEqual([1, 2, 3, 4]);
    expect(replay.stateAfter(next.facts, 2)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(replay.stateAfter(next.facts, 6)).toEqual(facts.map((f) => f.seq));
    expect(replay.wholeFrom()).toBeNull();
    // A read with nothing newly forgotten changes nothing.
    replay.follow(next, next);
    expect(replay.stateAfter(next.facts, 1)).toEqual([1, 2, 3, 4, 5]);
  });

  it('lets its base go past a budget, counts it, and lays its checkpoints again from the smaller base', () => {
    // A base that keeps only its newest three facts: "letting go" of the rest, as a table's oldest rows go.
    const replay = createPastReplay<number[]>(
      () => [],
      (state, facts) => [...state, ...facts.map((f) => (f as unknown as { n: number }).n)],
      2,
      (base) => base.splice(0, Math.max(0, base.length - 3)).length,
    );
    const first = { facts: facts.slice(0, 8), forgotten: 0 };
    expect(replay.stateAfter(first.facts, 8)).toHaveLength(8);
    const next = { facts: facts.slice(5), forgotten: 5 };
    replay.follow(first, next);
    expect(replay.rowsLetGo()).toBe(2);
    // Every moment, also one past an old checkpoint (which still held 1 and 2), lacks what the base let go.
    expect(replay.stateAfter(next.facts, 0)).toEqual([3, 4, 5]);
    expect(replay.stateAfter(next.facts, 3)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(replay.stateAfter(next.facts, 5)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('says from when its moments are whole when facts were forgotten before it read them', () => {
    const replay = seen();
    const first = { facts: facts.slice(0, 3), forgotten: 0 };
    // Between the two reads the history forgot five facts, two of which this replay never saw.
    const next = { facts: facts.slice(5), forgotten: 5 };
    replay.follow(first, next);
    expect(replay.wholeFrom()).toBe(50);
    expect(replay.stateAfter(next.facts, 2)).toEqual([6, 7]);
    // A replay made after the history began forgetting has missed it too.
    const late = seen();
    late.follow({ facts: [], forgotten: 0 }, next);
    expect(late.wholeFrom()).toBe(50);
  });

  it('counts the facts of a moment by step in a deterministic run, by time in a live one', () => {
    const stepped = [fact(1, 0, 0), fact(2, 0, 0), fact(3, 40, 1), fact(4, 90, 3), fact(5, 90, 3)];
    expect(factsBy(stepped, { time: 40, step: 0 })).toBe(2);
    expect(factsBy(stepped, { time: 40, step: 2 })).toBe(3);
    expect(factsBy(stepped, { time: 90, step: 3 })).toBe(5);
    expect(factsBy(facts, { time: 35, step: null })).toBe(4);
    expect(factsBy(facts, { time: -1, step: null })).toBe(0);
  });
});
