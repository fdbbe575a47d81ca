// The History tab's charts: the run's series over simulation time (outbox
// backlog, consumer lag, messages in flight, throughput; the event-sourced
// and CDC runs' own), bucketed from the recorded facts (each feed update folding only its new ones)
// (core/history/charts), with a marker at the moment the page is looking at.

import { useMemo } from 'react';
import { CHART_SPECS, followCharts } from '../../../core/history/charts';
import { useHistoryReads } from '../HistoryContext';
import { useRecordedFacts } from '../historyFeed';
import { momentLabel } from '../momentLabel';
import { useMoment } from '../momentStore';
import { LineChart } from './LineChart';
import './charts.css';

/** One for the page's one feed: each update folds only its new facts (the tab's next opening too). */
const followedCharts = followCharts();

export function ChartsView() {
  const { reads, deterministic } = useHistoryReads();
  const { facts, forgotten, error } = useRecordedFacts(reads);
  const viewing = useMoment((s) => s.viewing);
  const charts = useMemo(() => followedCharts({ facts, forgotten }), [facts, forgotten]);

  if (error && !facts.length) return <p className="history-empty">Could not read the history: {error}</p>;
  if (!charts.charts.length)
    return <p className="history-empty">Nothing recorded yet: the charts fill in as the run commits.</p>;
  const lastFact = facts.at(-1)!;
  const axis = {
    start: charts.start,
    ends: charts.ends,
    startLabel: momentLabel(charts.start, facts[0].step),
    endLabel: deterministic ? momentLabel(lastFact.at, lastFact.step) : 'now',
  };
  const shown = new Set(charts.charts.map((c) => c.id));
  const absent = CHART_SPECS.filter((d) => !shown.has(d.id));
  return (
    <section className="charts-view" aria-label="Charts over time">
      <p className="charts-caption">
        Over simulation time, {charts.ends.length} buckets from the {facts.length} recorded facts
        {viewing ? `; the marker is the viewed moment (${momentLabel(viewing.time, viewing.step)})` : ''}.
      </p>
      {charts.charts.map((chart) => (
        <LineChart key={chart.id} chart={chart} axis={axis} viewing={viewing?.time ?? null} />
      ))}
      {absent.length > 0 && (
        <p className="charts-absent">
          Not in this run (no facts for them): {absent.map((d) => d.title).join('; ')}.
        </p>
      )}
    </section>
  );
}
