// Every chart the History tab can draw, for any topology: each shows only
// when a run's facts give it values (the shop's outbox backlog, say, needs
// outbox rows), so no page names its own list.

import { followFacts, type FollowedFold } from '../followFacts';
import { bucketCharts, chartsFold, type Charts } from './chartSeries';
import { ES_CDC_CHARTS } from './esCdcCharts';
import { SHOP_CHARTS } from './shopCharts';
import type { HistoryEntry } from '../factHistory';

export type { Chart, Charts, ChartSeries } from './chartSeries';

export const HISTORY_CHARTS = [...SHOP_CHARTS, ...ES_CDC_CHARTS];

/** Every chart any run can show, by id and title (to say which ones a run has no facts for). */
export const CHART_SPECS = HISTORY_CHARTS.flatMap((d) => d.charts);

export function historyCharts(facts: readonly HistoryEntry<{ kind: string }>[], buckets?: number): Charts {
  return bucketCharts(facts, HISTORY_CHARTS, buckets);
}

/** The charts, each read folding only the facts new since the one before. */
export function followCharts(buckets?: number): FollowedFold<HistoryEntry<{ kind: string }>, Charts> {
  return followFacts(chartsFold(HISTORY_CHARTS, buckets));
}
