import { describe, expect, it } from 'vitest';
import type { Change } from '../telemetry';
import { FactHistory, HistoryTrimmed, type HistoryFold } from './factHistory';
import { TablesMirror } from './tablesMirror';
import { seededRandom } from '../random';

type Commit = { changes: Change[] };
const fold: HistoryFold<Commit, TablesMirror> = {
  empty: () => new TablesMirror(),
  clone: (s) => s.clone(),
  compact: (s) => s.flatten(),
  apply: (s, fact) => s.commit('db', fact.changes),
};

/** Commits to a few hundred rows, mostly in time order, some arriving after later ones (another process's). */
function* facts(count: number): Generator<{ fact: Commit; at: number }> {
  const next = seededRandom(9);
  for (let n = 0; n < count; n++) {
    const at = n - (next() < 0.1 ? Math.floor(next() * 30) : 0);
    const key = Math.floor(next() * 300);
    const change: Change =
      next() < 0.7 ? { table: 't', op: 'put', key, row: { key, n } } : { table: 't', op: 'delete', key };
    yield { fact: { changes: [change] }, at };
  }
}

const read = (s: TablesMirror) => s.rows('db', 't');

describe('FactHistory', () => {
  it('rebuilds every kept moment from its copy-on-write checkpoints as a fold from its base does', () => {
    const checkpointed = new FactHistory(fold, { cap: 500, checkpointEvery: 7, maxCheckpoints: 6 });
    const fromBase = new FactHistory(fold, { cap: 500, checkpointEvery: 1e9 });
    const whole = new FactHistory(fold, { cap: 1e9, checkpointEvery: 1e9 });
    for (const { fact, at } of facts(2_000)) {
      for (const h of [checkpointed, fromBase, whole]) h.record(fact, at);
      if (at % 97 === 0) {
        // A moment read, then written to, changes nothing the history keeps.
        const moment = checkpointed.stateAt(at - 40);
        fold.apply(moment, { changes: [{ table: 't', op: 'clear' }] });
      }
    }
    expect(checkpointed.forgotten).toBeGreaterThan(1_000);
    expect(checkpointed.oldest).toBe(fromBase.oldest);
    for (let t = checkpointed.oldest; t <= 2_000; t += 13) {
      const expected = read(whole.stateAt(t));
      expect(read(checkpointed.stateAt(t)), `time ${t}`).toEqual(expected);
      expect(read(fromBase.stateAt(t)), `time ${t}`).toEqual(expected);
    }
  });

  it('rebuilds its oldest kept moment and refuses the one before it, saying what it keeps', () => {
    const history = new FactHistory(fold, { cap: 100, checkpointEvery: 10 });
    for (const { fact, at } of facts(1_000)) history.record(fact, at);
    expect(history.facts().length).toBeLessThanOrEqual(100);
    const oldest = history.oldest;
    expect(() => history.stateAt(oldest)).not.toThrow();
    let refusal: unknown;
    try {
      history.stateAt(oldest - 1);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(HistoryTrimmed);
    expect((refusal as HistoryTrimmed).oldest).toBe(oldest);
    expect((refusal as Error).message).toContain(
      `keeps the last 100 facts: the oldest moment it can rebuild is time ${oldest}, not ${oldest - 1}`,
    );
  });

  it('keeps its base within a budget, every kept moment lacking the same rows, never one it did not have', () => {
    const budget = { rows: 120, keep: 80, tableFloor: 5 };
    const bounded: HistoryFold<Commit, TablesMirror> = { ...fold, letGo: (s) => s.letGoOldest(budget) };
    const growing = function* (count: number): Generator<{ fact: Commit; at: number }> {
      // New rows all the time (orders), and some rewritten a little later (their status moving on).
      for (let n = 0; n < count; n++) {
        const key = n % 3 === 0 ? n - 30 : n;
        // Every tenth arrives after later ones (another process's), so checkpoints being laid are undone too.
        yield {
          fact: { changes: [{ table: 't', op: 'put', key, row: { key, n } }] },
          at: n % 10 ? n : n - 5,
        };
      }
    };
    const checkpointed = new FactHistory(bounded, { cap: 200, checkpointEvery: 7 });
    const fromBase = new FactHistory(bounded, { cap: 200, checkpointEvery: 1e9 });
    const whole = new FactHistory(fold, { cap: 1e9, checkpointEvery: 1e9 });
    for (const { fact, at } of growing(3_000))
      for (const h of [checkpointed, fromBase, whole]) h.record(fact, at);
    expect(checkpointed.rowsLetGo).toBeGreaterThan(1_000);
    expect(checkpointed.rowsLetGo).toBe(fromBase.rowsLetGo);
    expect(checkpointed.stateAt(checkpointed.oldest).size()).toBeLessThanOrEqual(budget.rows);
    for (let t = checkpointed.oldest; t <= 3_000; t += 11) {
      const rows = read(checkpointed.stateAt(t));
      expect(rows, `time ${t}`).toEqual(read(fromBase.stateAt(t)));
      const truth = new Map(read(whole.stateAt(t)).map((r) => [r.key, r]));
      for (const row of rows) expect(row, `time ${t}`).toEqual(truth.get(row.key));
      // What a moment lacks is old: every row written in the kept facts up to it is there.
      const written = new Set(
        checkpointed
          .facts()
          .filter((e) => e.at <= t)
          .map((e) => (e.fact.changes[0] as { key: unknown }).key),
      );
      expect(rows.filter((r) => written.has(r.key))).toHaveLength(written.size);
    }
  });

  it('folds each fact as it is recorded, a few at most when a late one sends it back; the newest moment folds none', () => {
    let applied = 0;
    const counting: HistoryFold<Commit, TablesMirror> = {
      ...fold,
      apply: (s, fact) => (applied++, fold.apply(s, fact)),
    };
    const inOrder = new FactHistory(counting, { cap: 1e9, checkpointEvery: 50 });
    const late = new FactHistory(counting, { cap: 1e9, checkpointEvery: 50 });
    const whole = new FactHistory(fold, { cap: 1e9, checkpointEvery: 1e9 });
    let n = 0;
    let most = 0;
    for (const { fact, at } of facts(1_500)) {
      applied = 0;
      inOrder.record(fact, n);
      expect(applied).toBe(1);
      whole.record(fact, n++);
      applied = 0;
      expect(read(inOrder.stateAt(Infinity))).toEqual(read(whole.stateAt(Infinity)));
      expect(applied).toBe(0);
      // Every tenth arrives after later ones: the running fold goes back a spacing and catches up over the next.
      applied = 0;
      late.record(fact, at);
      most = Math.max(most, applied);
    }
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(16);
  });
});
