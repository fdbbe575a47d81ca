// Prints (asserts no timing) what the sequence view and the charts cost at
// 100,000 recorded facts, the history's cap: the real facts of a shop run
// copied with fresh ids and later times until there are that many, then
// each derivation run over them as the views run it once per feed update.

import { describe, expect, it } from 'vitest';
import { historyCharts } from '../core/history/charts';
import { orderSequence, orderThreads } from '../core/history/orderSequence';
import { copiedShopRun } from './copiedShopRun';

const FACTS = 100_000;

function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

describe('the history views at the cap', () => {
  it('prints what the charts and one order’s sequence cost over 100,000 facts', async () => {
    const facts = await copiedShopRun(FACTS);
    const charts = [timed(() => historyCharts(facts)), timed(() => historyCharts(facts))];
    const threads = timed(() => orderThreads(facts));
    const middle = threads.result[Math.floor(threads.result.length / 2)];
    const sequence = timed(() => orderSequence(facts, middle.correlation));
    console.log(
      `history views over ${facts.length} facts: charts ${charts.map((c) => c.ms.toFixed(0)).join(' / ')} ms ` +
        `(first / second), ${threads.result.length} orders found in ${threads.ms.toFixed(0)} ms, ` +
        `one order's ${sequence.result!.rows.length} rows in ${sequence.ms.toFixed(0)} ms`,
    );
    expect(charts[0].result.charts.length).toBe(4);
    expect(sequence.result!.rows.length).toBeGreaterThan(10);
  }, 120_000);
});
