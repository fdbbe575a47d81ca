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
  /** Told every fact of its kinds once before the pass, for what is fixed over a run (which group reads which topic). */
  survey?(state: S, fact: { kind: string }): void;
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

export function bucketCharts(
  facts: readonly HistoryEntry<{ kind: string }>[],
  derivers: readonly AnyDeriver[],
  buckets = DEFAULT_BUCKETS,
): Charts {
  if (!facts.length) return { start: 0, ends: [], charts: [] };
  const start = facts[0].at;
  const last = facts[facts.length - 1].at;
  const count = last > start ? buckets : 1;
  const width = (last - start) / count;
  const ends = Array.from({ length: count }, (_, i) => (i === count - 1 ? last : start + width * (i + 1)));
  const states = derivers.map((d) => d.start());
  const readers = readersByKind(derivers);
  const surveyed = derivers.some((d) => d.survey);
  if (surveyed)
    for (const e of facts)
      for (const k of readers.get(e.fact.kind) ?? []) derivers[k].survey?.(states[k], e.fact);
  /** samples[deriver][bucket][chart] */
  const samples: Record<string, number>[][][] = derivers.map(() => []);
  let i = 0;
  for (let b = 0; b < count; b++) {
    for (; i < facts.length && facts[i].at <= ends[b]; i++) {
      const fact = facts[i].fact;
      for (const k of readers.get(fact.kind) ?? []) derivers[k].apply(states[k], fact);
    }
    for (let k = 0; k < derivers.length; k++) samples[k].push(derivers[k].sample(states[k]));
  }
  const seconds = Math.max(width, 1) / 1000;
  const charts = derivers.flatMap((d, k) =>
    d.charts.flatMap((spec, c) => {
      const chart = chartOf(
        spec,
        samples[k].map((bucket) => bucket[c] ?? {}),
        seconds,
      );
      return chart.series.length ? [chart] : [];
    }),
  );
  return { start, ends, charts };
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
