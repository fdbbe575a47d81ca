import { describe, expect, it } from 'vitest';
import type { CdcReport } from '../core/cdc/cdcTypes';
import type { EsFact } from '../core/eventsourcing/esTypes';
import { historyCharts } from '../core/history/charts';
import type { HistoryEntry } from '../core/history/factHistory';
import { orderThreads } from '../core/history/orderThreads';
import { runCdcDeterministic } from './cdcDeterministicRun';
import { CDC_CRASH_AND_RESTART } from './sampleRuns';

describe('the CDC and event-sourced runs: the chart series their facts hold, and no shop orders', () => {
  it("a CDC run: the change log's head, the connector's position behind it and the search caught up at the end", async () => {
    const facts: HistoryEntry<CdcReport>[] = [];
    await runCdcDeterministic(CDC_CRASH_AND_RESTART, {
      observe: {
        report: (fact, at) => facts.push({ seq: facts.length, at, fact }),
        step: async () => undefined,
      },
    });
    const { charts } = historyCharts(facts, 30);
    const ids = charts.map((c) => c.id);
    expect(ids).toContain('cdc-positions');
    expect(ids).not.toContain('backlog'); // no outbox: the legacy service publishes nothing
    const positions = charts.find((c) => c.id === 'cdc-positions')!;
    const series = Object.fromEntries(positions.series.map((s) => [s.name, s.values]));
    expect(Object.keys(series).sort()).toEqual(['connector position', 'log head', 'search applied']);
    series['log head'].forEach((head, i) => {
      const position = series['connector position'][i];
      if (head !== null && position !== null) expect(position).toBeLessThanOrEqual(head);
    });
    // Its change events are no shop order: the sequence view says it follows the shop's orders instead.
    expect(orderThreads(facts.map((f) => ({ ...f, step: null })))).toEqual([]);
    const end = series['log head'].at(-1);
    expect(series['connector position'].at(-1)).toBe(end);
    expect(series['search applied'].at(-1)).toBe(end);
  });

  it('an event-sourced run: events appended per store add up, and a projection lags until its checkpoint catches up', () => {
    const event = (position: number) => ({
      position,
      stream: 'order-1',
      version: position,
      type: 'X',
      data: {},
    });
    const fact = (at: number, f: EsFact) => ({ at, fact: f });
    const facts = [
      fact(0, { kind: 'appended', store: 'orders', events: [event(1), event(2)] } as EsFact),
      fact(100, { kind: 'appended', store: 'orders', events: [event(3)] } as EsFact),
      fact(200, { kind: 'projected', name: 'orderSummaries', checkpoint: 2, applied: 2 }),
      fact(300, { kind: 'projected', name: 'orderSummaries', checkpoint: 3, applied: 1 }),
    ].map((f, seq) => ({ seq, ...f }));
    const { start, ends, charts } = historyCharts(facts, 3);
    const appended = charts.find((c) => c.id === 'appended')!;
    const seconds = (ends[0] - start) / 1000;
    expect(appended.series.map((s) => s.name)).toEqual(['orders']);
    expect(appended.series[0].values.reduce<number>((n, v) => n + (v ?? 0) * seconds, 0)).toBeCloseTo(3, 9);
    const lag = charts.find((c) => c.id === 'projection-lag')!;
    const summaries = lag.series.find((s) => s.name === 'orderSummaries')!;
    expect(summaries.values).toEqual([3, 1, 0]);
  });
});
