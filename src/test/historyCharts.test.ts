import { beforeAll, describe, expect, it } from 'vitest';
import { historyCharts, type Chart } from '../core/history/charts';
import type { Fact } from '../core/telemetry';
import type { RecordedFact } from '../runtime/historyReads';
import { recordedShopRun } from './recordedShopRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

const chart = (charts: Chart[], id: string) => {
  const found = charts.find((c) => c.id === id);
  expect(found, `chart ${id}`).toBeDefined();
  return found!;
};
const last = (values: (number | null)[]) => values.at(-1);

describe("the charts over time, from a shop run's recorded facts", () => {
  let facts: RecordedFact<Fact>[];
  beforeAll(async () => {
    facts = await recordedShopRun(CRASH_AND_DUPLICATE);
  });

  it('shows the shop charts, bucketed over the run from its first fact to its last', () => {
    const { start, ends, charts } = historyCharts(facts, 20);
    expect(charts.map((c) => c.id)).toEqual(['backlog', 'lag', 'in-flight', 'throughput']);
    expect(start).toBe(facts[0].at);
    expect(ends).toHaveLength(20);
    expect(ends.at(-1)).toBe(facts.at(-1)!.at);
    for (const c of charts) for (const s of c.series) expect(s.values).toHaveLength(20);
  });

  it('the outbox backlog rises while rows wait for the relay and is 0 at the end for every service', () => {
    const backlog = chart(historyCharts(facts, 40).charts, 'backlog');
    expect(backlog.series.map((s) => s.name)).toEqual(['inventory', 'order', 'payment', 'shipping']);
    expect(Math.max(...backlog.series.flatMap((s) => s.values.map(Number)))).toBeGreaterThan(0);
    for (const s of backlog.series) expect(last(s.values), s.name).toBe(0);
  });

  it('consumer lag is never negative, is there while messages wait, and ends at 0; so do the messages in flight', () => {
    const { charts } = historyCharts(facts, 40);
    const lag = chart(charts, 'lag');
    expect(lag.series.map((s) => s.name)).toEqual(['inventory', 'order', 'payment', 'shipping']);
    for (const s of lag.series) {
      for (const v of s.values) expect(v ?? 0).toBeGreaterThanOrEqual(0);
      expect(last(s.values), s.name).toBe(0);
    }
    expect(Math.max(...lag.series.flatMap((s) => s.values.map(Number)))).toBeGreaterThan(0);
    const [flight] = chart(charts, 'in-flight').series;
    expect(Math.max(...flight.values.map(Number))).toBeGreaterThan(0);
    expect(last(flight.values)).toBe(0);
    // A message is in flight until every reader acked it: never more than the whole lag, never less than one group's.
    flight.values.forEach((v, i) => {
      const lags = lag.series.map((s) => s.values[i] ?? 0);
      expect(v ?? 0).toBeLessThanOrEqual(lags.reduce((a, b) => a + b, 0));
      expect(v ?? 0).toBeGreaterThanOrEqual(Math.max(...lags));
    });
  });

  it('throughput adds up to the commits each service made', () => {
    const { start, ends, charts } = historyCharts(facts, 30);
    const seconds = (ends[0] - start) / 1000;
    const commits = new Map<string, number>();
    for (const { fact } of facts)
      if (fact.kind === 'commit') commits.set(fact.service, (commits.get(fact.service) ?? 0) + 1);
    const throughput = chart(charts, 'throughput');
    for (const s of throughput.series) {
      const total = s.values.reduce<number>((sum, v) => sum + (v ?? 0) * seconds, 0);
      expect(total, s.name).toBeCloseTo(commits.get(s.name)!, 6);
    }
    expect(throughput.series.map((s) => s.name).sort()).toEqual([...commits.keys()].sort());
  });

  it('an empty history has no charts', () => {
    expect(historyCharts([]).charts).toEqual([]);
  });
});
