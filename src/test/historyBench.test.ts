// Test code, never shipped: the history's figures for `npm run bench`
// (scripts/bench/history.mjs runs this file with HISTORY_BENCH_OUT set; a
// plain test run skips it). Shop-shaped facts — an order's commit, its
// record, the payment's handling commit, the offset — recorded by the
// thousand, then past moments rebuilt: the fold alone (`stateAt`), and the
// whole moment in snapshot()'s shape (what a scrub draws from). Then the
// full load: ten minutes of arrivals at 1,000 orders a second, so the cap
// and the base's budget are reached and the oldest facts and rows let go
// again and again, and the heap the history holds at 60 s and later.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FactHistory } from '../core/history/factHistory';
import { BASE_BUDGET } from '../core/history/baseBudget';
import { shopFold, shopMoment, type ShopState } from '../core/history/shopFold';
import type { Fact } from '../core/telemetry';
import { shopFacts } from './shopFactsFeed';
import { viewsFigures } from './historyViewsBench';

const OUT = process.env.HISTORY_BENCH_OUT;
/** Issue 20's target rate: "full load". */
const FULL_LOAD_ORDERS_PER_SECOND = 1000;
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

/** Where the full-load feed stops to weigh the heap: the 60 s, then on, to see it stay flat. */
const WEIGHED_AT_SECONDS = [60, 300, 600];

/**
 * The history fed at full load for ten minutes, and the heap it holds (measured with it still referenced) at 60 s
 * and later: past the cap the kept facts stay as many, and past the base's budget so do its rows.
 */
function fullLoad() {
  const before = heapMB();
  const history = new FactHistory<Fact, ShopState>(shopFold);
  const rate = FULL_LOAD_ORDERS_PER_SECOND;
  let feedMs = 0;
  let fed = 0;
  let longestRecordMs = 0;
  let recordsOverAFrame = 0;
  const heapAt: Record<string, number> = {};
  for (const seconds of WEIGHED_AT_SECONDS) {
    const started = performance.now();
    for (const { fact, at } of shopFacts(seconds * rate - fed, rate, fed)) {
      const t0 = performance.now();
      history.record(fact, at);
      // The longest is a trim that let rows go and folded the checkpoints again: the page's stall then.
      const took = performance.now() - t0;
      longestRecordMs = Math.max(longestRecordMs, took);
      if (took > 16) recordsOverAFrame++;
    }
    feedMs += performance.now() - started;
    fed = seconds * rate;
    heapAt[`${seconds}s`] = Math.round((heapMB() - before) * 10) / 10;
  }
  const last = history.facts().at(-1)!.at;
  const [, from, to] = WEIGHED_AT_SECONDS;
  return {
    ordersPerSecond: rate,
    seconds: WEIGHED_AT_SECONDS.at(-1),
    recorded: fed * 4,
    kept: history.facts().length,
    forgotten: history.forgotten,
    cap: history.limits.cap,
    baseBudget: BASE_BUDGET,
    rowsLetGo: history.rowsLetGo,
    oldestKeptMs: history.oldest,
    rowsAtOldest: history.stateAt(history.oldest).dbs.size(),
    rowsAtEnd: history.stateAt(last).dbs.size(),
    feedMs: Math.round(feedMs),
    longestRecordMs: Math.round(longestRecordMs),
    /** Facts whose recording took longer than a frame (16 ms), over the ten minutes. */
    recordsOverAFrame,
    /** The figure: the heap after 60 s. */
    heapMB: heapAt['60s'],
    heapAt,
    /** Per second of full load, from 5 to 10 minutes in. */
    heapGrowthMBPerSecond: Math.round(((heapAt[`${to}s`] - heapAt[`${from}s`]) / (to - from)) * 1000) / 1000,
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
