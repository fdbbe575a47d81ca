// Test code, never shipped: the history's figures for `npm run bench`
// (scripts/bench/history.mjs runs this file with HISTORY_BENCH_OUT set; a
// plain test run skips it). Shop-shaped facts — an order's commit, its
// record, the payment's handling commit, the offset — recorded by the
// thousand, then past moments rebuilt: the fold alone (`stateAt`), and the
// whole moment in snapshot()'s shape (what a scrub draws from). Then the
// full load: 60 s of arrivals at 1,000 orders a second, so the cap is
// reached and the oldest facts are forgotten again and again, and the heap
// the history holds after it.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FactHistory } from '../core/history/factHistory';
import { shopFold, shopMoment, type ShopState } from '../core/history/shopFold';
import type { Fact } from '../core/telemetry';
import { shopFacts } from './shopFactsFeed';
import { viewsFigures } from './historyViewsBench';

const OUT = process.env.HISTORY_BENCH_OUT;
/** Issue 20's target rate, and the issue's "60 s at full load". */
const FULL_LOAD = { ordersPerSecond: 1000, seconds: 60 };
const SAMPLES = 40;
/** Left out of the figures: the first folds after recording pay for JIT and GC. */
const WARMUP = 5;

/** Median and 95th percentile, in ms rounded to 0.01. */
function spread(xs: number[]): { median: number; p95: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(s.length * q))] * 100) / 100;
  return { median: at(0.5), p95: at(0.95) };
}

function measure(facts: number) {
  const history = new FactHistory<Fact, ShopState>(shopFold, { cap: Math.max(100_000, facts) });
  // 100 orders a second, so the moments asked for are spread over many times.
  const started = performance.now();
  for (const { fact, at } of shopFacts(facts / 4, 100)) history.record(fact, at);
  const recordMs = performance.now() - started;
  const end = history.facts().at(-1)!.at;
  const fold: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const time = Math.round((((i * 7919) % 997) / 997) * end);
    const t0 = performance.now();
    const state = history.stateAt(time);
    const t1 = performance.now();
    shopMoment(state, ['order', 'payment']);
    const t2 = performance.now();
    if (i < WARMUP) continue;
    fold.push(t1 - t0);
    whole.push(t2 - t0);
  }
  // The newest tenth of the run: the biggest moments (every table at its fullest).
  const newest: number[] = [];
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const time = end - Math.round((((i * 7919) % 97) / 970) * end);
    const t0 = performance.now();
    shopMoment(history.stateAt(time), ['order', 'payment']);
    if (i >= WARMUP) newest.push(performance.now() - t0);
  }
  return {
    facts,
    recordUsPerFact: Math.round(((recordMs * 1000) / facts) * 100) / 100,
    stateAtMs: spread(fold),
    momentMs: spread(whole),
    newestMomentMs: spread(newest),
  };
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * The history after the full-load feed, and the heap it holds (measured with it still referenced), also halfway:
 * past the cap the kept facts stay as many, so what still grows is the databases' rows the base holds.
 */
function fullLoad() {
  const before = heapMB();
  const history = new FactHistory<Fact, ShopState>(shopFold);
  const orders = FULL_LOAD.ordersPerSecond * FULL_LOAD.seconds;
  let feedMs = 0;
  let halfwayMB = 0;
  for (const half of [0, 1]) {
    const started = performance.now();
    for (const { fact, at } of shopFacts(orders / 2, FULL_LOAD.ordersPerSecond, (half * orders) / 2))
      history.record(fact, at);
    feedMs += performance.now() - started;
    if (half === 0) halfwayMB = heapMB() - before;
  }
  const heldMB = heapMB() - before;
  const last = history.facts().at(-1)!.at;
  return {
    ...FULL_LOAD,
    recorded: orders * 4,
    kept: history.facts().length,
    forgotten: history.forgotten,
    cap: history.limits.cap,
    oldestKeptMs: history.oldest,
    rowsAtEnd: history.stateAt(last).dbs.size(),
    feedMs: Math.round(feedMs),
    heapMB: Math.round(heldMB * 10) / 10,
    heapHalfwayMB: Math.round(halfwayMB * 10) / 10,
    /** Per second of full load, over the second half (all of it past the cap). */
    heapGrowthMBPerSecond: Math.round(((heldMB - halfwayMB) / (FULL_LOAD.seconds / 2)) * 100) / 100,
  };
}

describe.skipIf(!OUT)('the history, measured for npm run bench', () => {
  it('rebuilds a past moment from 10,000 and 100,000 facts, holds its cap at full load, and follows the views', async () => {
    const moments = [measure(10_000), measure(100_000)];
    const load = fullLoad();
    expect(load.kept).toBeLessThanOrEqual(load.cap);
    const views = [await viewsFigures(10_000), await viewsFigures(100_000)];
    writeFileSync(OUT!, JSON.stringify({ moments, fullLoad: load, views }, null, 2));
  }, 600_000);
});
