// The history views' derivations followed read by read (followFacts) give
// what they give from scratch over each read: a shop run's real recorded
// facts read in batches as the feed reads them, then the same run through a
// history with a small cap, so its oldest facts are forgotten on the way, and
// with a late fact arriving before ones already read.

import { beforeAll, describe, expect, it } from 'vitest';
import { followCharts, historyCharts } from '../core/history/charts';
import { FactHistory, type HistoryFold } from '../core/history/factHistory';
import type { FactsRead, FollowStep } from '../core/history/followFacts';
import { followSequence, orderThreads, threadSequence } from '../core/history/orderSequence';
import { followFacts } from '../core/history/followFacts';
import { threadsFold } from '../core/history/orderThreads';
import type { RecordedFact } from '../runtime/historyReads';
import {
  followTimeline,
  markColumns,
  timelineFacts,
  timelineScale,
  type TimelineFacts,
} from '../ui/history/timeline/timelineModel';
import { copiedShopRun } from './copiedShopRun';
import { recordedShopRun } from './recordedShopRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

type Read = FactsRead<RecordedFact>;

/** The reads of a feed that reads after every `batch` facts, straight from the run (nothing forgotten). */
function readsOf(facts: readonly RecordedFact[], batch: number): Read[] {
  const reads: Read[] = [];
  for (let n = batch; n < facts.length + batch; n += batch)
    reads.push({ facts: facts.slice(0, Math.min(n, facts.length)), forgotten: 0 });
  return reads;
}

/** Nothing to fold: only the history's order and its cap matter here. */
const noFold: HistoryFold<RecordedFact, null> = {
  empty: () => null,
  clone: () => null,
  compact: () => null,
  apply: () => undefined,
};

/** The same facts recorded into a history that keeps `cap`, read after every `batch` (steps kept from the run). */
function cappedReads(facts: readonly RecordedFact[], cap: number, batch: number, late?: number): Read[] {
  const history = new FactHistory(noFold, { cap, checkpointEvery: cap });
  const reads: Read[] = [];
  const read = () =>
    reads.push({
      facts: history.facts().map((e) => ({ ...e.fact, seq: e.seq, at: e.at })),
      forgotten: history.forgotten,
    });
  facts.forEach((f, i) => {
    // A fact of another process heard late: recorded after later ones, at its own (earlier) time.
    if (i === late) return;
    history.record(f, f.at);
    if (late !== undefined && i === late + 3) history.record(facts[late], facts[late].at);
    if ((i + 1) % batch === 0) read();
  });
  read();
  return reads;
}

function timelineViews(marks: TimelineFacts, steps: number) {
  return [false, true].map((deterministic) => {
    const scale = timelineScale(marks, { deterministic, steps });
    return { scale, columns: [7, 400].map((n) => markColumns(marks, scale, n)) };
  });
}

/** Follows every read with each view's derivation, expecting the from-scratch one each time; what each did. */
function followAll(reads: readonly Read[]): FollowStep[] {
  const timeline = followTimeline();
  const threads = followFacts(threadsFold);
  const sequence = followSequence();
  const charts = followCharts(20);
  const steps: FollowStep[] = [];
  for (const read of reads) {
    const { facts } = read;
    const lastStep = facts.at(-1)?.step ?? 0;
    expect(timelineViews(timeline(read), lastStep)).toEqual(timelineViews(timelineFacts(facts), lastStep));
    const followed = threads(read);
    const fromScratch = orderThreads(facts);
    expect(followed).toEqual(fromScratch);
    for (const thread of [fromScratch[0], fromScratch.at(-1)].filter(Boolean))
      expect(sequence(read, thread!)).toEqual(threadSequence(facts, thread!));
    expect(charts(read)).toEqual(historyCharts(facts, 20));
    steps.push(charts.lastStep());
  }
  return steps;
}

describe('the history views, followed read by read, are what they are from scratch', () => {
  let facts: RecordedFact[];
  beforeAll(async () => {
    // The run itself (its steps, its crash at step 0's end), then copies of it after: a few orders in each.
    const run = await recordedShopRun(CRASH_AND_DUPLICATE);
    const later = run.at(-1)!.at + 1;
    facts = [
      ...run,
      ...(await copiedShopRun(600)).map((f) => ({ ...f, seq: f.seq + run.length, at: f.at + later })),
    ];
  });

  it('over a run read in batches: each read only folds its new facts', () => {
    expect(orderThreads(facts).length).toBeGreaterThan(5);
    const steps = followAll(readsOf(facts, 37));
    // A group first seen teaches the lag chart's survey something new: only then do the charts start again.
    expect(steps.filter((s) => s === 'added').length).toBeGreaterThan(steps.length / 2);
  });

  it('across a cap: what the history forgets, and a late fact before ones already read, start the fold again', () => {
    const reads = cappedReads(facts, 250, 23, 400);
    expect(reads.at(-1)!.forgotten).toBeGreaterThan(0);
    expect(new Set(reads.map((r) => r.forgotten)).size).toBeGreaterThan(2);
    const steps = followAll(reads);
    expect(steps).toContain('rebuilt');
    expect(steps).toContain('added');
  });

  it('a read no newer than the last one is answered as it was', () => {
    const timeline = followTimeline();
    const read = { facts, forgotten: 0 };
    const first = timeline(read);
    expect(timeline({ facts: [...facts], forgotten: 0 })).toEqual(first);
    expect(timeline.lastStep()).toBe('same');
  });
});
