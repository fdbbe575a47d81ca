// Test code, never shipped: what the history views' derivations cost per feed
// update at 10,000 and 100,000 recorded facts, one new batch of 100 facts a
// time — from scratch over every fact (what the views did before they followed
// the facts, and still do when the history forgets its oldest) and followed
// (followFacts: only the new batch folded). Real facts of a shop run, copied
// (copiedShopRun). For `npm run bench` (historyBench.test.ts).

import { followCharts, historyCharts } from '../core/history/charts';
import { followFacts } from '../core/history/followFacts';
import { followSequence, orderThreads, threadSequence, threadsFold } from '../core/history/orderSequence';
import type { RecordedFact } from '../runtime/historyReads';
import {
  followTimeline,
  markColumns,
  timelineFacts,
  timelineScale,
  type TimelineFacts,
} from '../ui/history/timeline/timelineModel';
import { copiedShopRun } from './copiedShopRun';

const BATCH = 100;
const SAMPLES = 20;
const WARMUP = 3;
const LIVE = { deterministic: false, steps: 0 };

type Spread = { median: number; p95: number };
export interface ViewsFigures {
  facts: number;
  batch: number;
  fromScratchMs: { timeline: Spread; sequence: Spread; charts: Spread };
  followedMs: { timeline: Spread; sequence: Spread; charts: Spread };
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(s.length * q))] * 100) / 100;
  return { median: at(0.5), p95: at(0.95) };
}

function timed(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** What the timeline draws from its reading of the facts: the scale and the 400 columns of marks. */
const drawn = (marks: TimelineFacts) => markColumns(marks, timelineScale(marks, LIVE), 400);

export async function viewsFigures(facts: number): Promise<ViewsFigures> {
  const all = await copiedShopRun(facts + BATCH * (WARMUP + SAMPLES));
  const reads = Array.from({ length: WARMUP + SAMPLES + 1 }, (_, i) => ({
    facts: all.slice(0, facts + BATCH * i),
    forgotten: 0,
  }));
  const followed = followedViews();
  followed(reads[0]);
  const scratch = { timeline: [] as number[], sequence: [] as number[], charts: [] as number[] };
  const follow = { timeline: [] as number[], sequence: [] as number[], charts: [] as number[] };
  for (let i = 1; i < reads.length; i++) {
    const times = followed(reads[i]);
    const before = fromScratch(reads[i].facts);
    if (i <= WARMUP) continue;
    for (const view of ['timeline', 'sequence', 'charts'] as const) {
      follow[view].push(times[view]);
      scratch[view].push(before[view]);
    }
  }
  const spreads = (ms: typeof scratch) => ({
    timeline: spread(ms.timeline),
    sequence: spread(ms.sequence),
    charts: spread(ms.charts),
  });
  return { facts, batch: BATCH, fromScratchMs: spreads(scratch), followedMs: spreads(follow) };
}

/** Each view's derivation from scratch over `facts`, as each update did before; its ms. */
function fromScratch(facts: readonly RecordedFact[]) {
  return {
    timeline: timed(() => drawn(timelineFacts(facts))),
    sequence: timed(() => threadSequence(facts, orderThreads(facts)[0])),
    charts: timed(() => historyCharts(facts)),
  };
}

/** The views' followed derivations, one update at a time; each update's ms per view. */
function followedViews() {
  const timeline = followTimeline();
  const threads = followFacts(threadsFold);
  const sequence = followSequence();
  const charts = followCharts();
  return (read: { facts: readonly RecordedFact[]; forgotten: number }) => ({
    timeline: timed(() => drawn(timeline(read))),
    sequence: timed(() => sequence(read, threads(read)[0])),
    charts: timed(() => charts(read)),
  });
}
