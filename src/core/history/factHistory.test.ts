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
});
