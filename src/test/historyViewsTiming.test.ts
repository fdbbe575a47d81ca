// Prints (asserts no timing) what the sequence view and the charts cost at
// 100,000 recorded facts, the history's cap: the real facts of a shop run
// copied with fresh ids and later times until there are that many, then
// each derivation run over them as the views run it once per feed update.

import { describe, expect, it } from 'vitest';
import { historyCharts } from '../core/history/charts';
import { orderSequence, orderThreads } from '../core/history/orderSequence';
import type { RecordedFact } from '../runtime/historyReads';
import { recordedShopRun } from './recordedShopRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

const FACTS = 100_000;

async function manyFacts(): Promise<RecordedFact[]> {
  const run = (await recordedShopRun(CRASH_AND_DUPLICATE)).filter((f) => f.step! > 0);
  const text = JSON.stringify(run);
  const span = run.at(-1)!.at + 10;
  const out: RecordedFact[] = [];
  for (let copy = 0; out.length < FACTS; copy++) {
    // Fresh CloudEvent and row ids per copy (hex ids stay hex: `evt-…` → `evt-<copy>…`).
    const facts = JSON.parse(
      text.replace(/"(evt|o|pay|res|shp)-/g, `"$1-${copy.toString(16)}`),
    ) as RecordedFact[];
    for (const f of facts) out.push({ ...f, seq: out.length, at: f.at + copy * span, step: null });
  }
  return out.slice(0, FACTS);
}

function timed<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}

describe('the history views at the cap', () => {
  it('prints what the charts and one order’s sequence cost over 100,000 facts', async () => {
    const facts = await manyFacts();
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
