// Charts over simulation time, bucketed from a run's recorded facts in one
// pass: each ChartDeriver is a small fold, fed the facts of the kinds it
// reads and sampled at each bucket's end, giving one or more charts (a
// broker's offsets give both the lag and the messages in flight). A gauge is sampled as it is
// (a backlog, a lag); a rate is a counter turned into per-second rates per
// bucket. A chart none of whose series ever got a value is left out, so a
// run shows the charts its facts support. Pure: facts in, numbers out.

import type { HistoryEntry } from '../factHistory';

export interface ChartSpec {
  id: string;
  title: string;
  /** What the values count, for the axis ("rows", "messages", "commits / s"). */
  unit: string;
  /** `rate`: the samples are running totals, the chart their increase per simulated second. */
  kind: 'gauge' | 'rate';
}

export interface ChartDeriver<S> {
  /** The fact kinds it reads: it is told no others (at 100,000 facts, asking each deriver about each fact adds up). */
  kinds: readonly string[];
  charts: readonly ChartSpec[];
  /**
   * Told every fact of its kinds before they are applied, for what is fixed over a run (which group reads which
   * topic): every sample is taken as if it was known from the start. True when the fact taught it something new.
   */
  survey?(state: S, fact: { kind: string }): boolean;
  start(): S;
  apply(state: S, fact: { kind: string }): void;
  /** Per chart, the value of each series now; a series absent from a sample has no value yet. */
  sample(state: S): Record<string, number>[];
}

export interface ChartSeries {
  name: string;
  /** One value per bucket; null before the series had one. */
  values: (number | null)[];
}

export interface Chart {
  id: string;
  title: string;
  unit: string;
  kind: 'gauge' | 'rate';
  series: ChartSeries[];
  /** The largest value shown (at least 1), for the axis. */
  max: number;
}

export interface Charts {
  /** Simulation time of the first fact, and of each bucket's end (the last is the last fact's time). */
  start: number;
  ends: number[];
  charts: Chart[];
}

export const DEFAULT_BUCKETS = 60;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each deriver keeps its own state type
type AnyDeriver = ChartDeriver<any>;

/** The charts of these facts, from scratch. */
export function bucketCharts(
  facts: readonly HistoryEntry<{ kind: string }>[],
  derivers: readonly AnyDeriver[],
  buckets = DEFAULT_BUCKETS,
): Charts {
  const fold = chartsFold(derivers, buckets);
  const state = fold.start();
  fold.add(state, facts, 0, facts.length);
  return fold.result(state, facts);
}

interface DeriverSamples {
  /** The sample before any fact of its kinds (after the survey). */
  initial: Record<string, number>[];
  /** The times it had facts at, ascending, and its sample after the last fact of each. */
  at: number[];
  values: Record<string, number>[][];
}

interface ChartsState {
  states: unknown[];
  samples: DeriverSamples[];
}

/**
 * The charts as a fold (followFacts): each deriver is sampled after every time it had facts at, so the
 * charts of the facts so far — whose buckets move with the newest fact's time — read each bucket's sample
 * from there, the same one a pass to the bucket's end would take. A fact that teaches a deriver's survey
 * something new changes the samples before it: then the fold starts again.
 */
export function chartsFold(derivers: readonly AnyDeriver[], buckets = DEFAULT_BUCKETS) {
  const readers = readersByKind(derivers);
  const surveyed = derivers.some((d) => d.survey);
  return {
    start: (): ChartsState => ({
      states: derivers.map((d) => d.start()),
      samples: derivers.map(() => ({ initial: [], at: [], values: [] })),
    }),
    add(s: ChartsState, facts: readonly HistoryEntry<{ kind: string }>[], from: number, to: number): boolean {
      let learned = false;
      if (surveyed)
        for (let i = from; i < to; i++)
          for (const k of readers.get(facts[i].fact.kind) ?? [])
            learned = derivers[k].survey?.(s.states[k], facts[i].fact) === true || learned;
      if (learned && from > 0) return false;
      if (from === 0) derivers.forEach((d, k) => (s.samples[k].initial = d.sample(s.states[k])));
      const touched = new Set<number>();
      for (let i = from; i < to; i++) {
        const { at, fact } = facts[i];
        for (const k of readers.get(fact.kind) ?? []) {
          derivers[k].apply(s.states[k], fact);
          touched.add(k);
        }
        if (i + 1 < to && facts[i + 1].at === at) continue;
        // The last fact of its time (in this read): sample what it touched, once per time.
        for (const k of touched) {
          const samples = s.samples[k];
          if (samples.at.at(-1) === at)
            samples.values[samples.values.length - 1] = derivers[k].sample(s.states[k]);
          else {
            samples.at.push(at);
            samples.values.push(derivers[k].sample(s.states[k]));
          }
        }
        touched.clear();
      }
      return true;
    },
    result(s: ChartsState, facts: readonly HistoryEntry<{ kind: string }>[]): Charts {
      if (!facts.length) return { start: 0, ends: [], charts: [] };
      const start = facts[0].at;
      const last = facts[facts.length - 1].at;
      const count = last > start ? buckets : 1;
      const width = (last - start) / count;
      const ends = Array.from({ length: count }, (_, i) =>
        i === count - 1 ? last : start + width * (i + 1),
      );
      const seconds = Math.max(width, 1) / 1000;
      const charts = derivers.flatMap((d, k) => {
        const bucketSamples = ends.map((end) => sampleBy(s.samples[k], end));
        return d.charts.flatMap((spec, c) => {
          const chart = chartOf(
            spec,
            bucketSamples.map((bucket) => bucket[c] ?? {}),
            seconds,
          );
          return chart.series.length ? [chart] : [];
        });
      });
      return { start, ends, charts };
    },
  };
}

/** A deriver's sample after every fact at or before `time`. */
function sampleBy(samples: DeriverSamples, time: number): Record<string, number>[] {
  let lo = 0;
  let hi = samples.at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples.at[mid] <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo ? samples.values[lo - 1] : samples.initial;
}

function readersByKind(derivers: readonly AnyDeriver[]): Map<string, number[]> {
  const readers = new Map<string, number[]>();
  derivers.forEach((d, k) => {
    for (const kind of d.kinds) (readers.get(kind) ?? readers.set(kind, []).get(kind)!).push(k);
  });
  return readers;
}

function chartOf(d: ChartSpec, samples: Record<string, number>[], seconds: number): Chart {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s)))].sort();
  const series = names.map((name) => {
    const raw = samples.map((s) => (name in s ? s[name] : null));
    if (d.kind === 'gauge') return { name, values: raw };
    let before = 0;
    const values = raw.map((v) => {
      if (v === null) return null;
      const rate = (v - before) / seconds;
      before = v;
      return rate;
    });
    return { name, values };
  });
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  return { id: d.id, title: d.title, unit: d.unit, kind: d.kind, series, max };
}
