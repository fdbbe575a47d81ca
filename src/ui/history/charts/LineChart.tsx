// One chart: its series as lines over the run's buckets, the y axis from 0
// to the largest value, the x axis from the first fact to the last (now, in
// a live run), a legend with each series' value at the viewed moment (or
// the latest), and the viewed moment marked, what comes after it shaded.
// The lines are SVG stretched to the panel; every text is HTML at 14 px.

import type { Chart } from '../../../core/history/charts';

/** Distinct at a glance and dark enough on white; series beyond these repeat with a dash. */
const COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#be123c', '#7c3aed', '#0f766e'];
const W = 1000;
const H = 100;

export interface ChartAxis {
  start: number;
  ends: readonly number[];
  startLabel: string;
  endLabel: string;
}

export function LineChart({
  chart,
  axis,
  viewing,
}: {
  chart: Chart;
  axis: ChartAxis;
  viewing: number | null;
}) {
  const end = axis.ends.at(-1) ?? axis.start;
  const span = Math.max(end - axis.start, 1);
  const xOf = (t: number) => ((t - axis.start) / span) * W;
  const yOf = (v: number) => H - (v / chart.max) * H;
  const marker = viewing === null ? null : Math.min(W, Math.max(0, xOf(viewing)));
  const at = bucketAt(axis.ends, viewing);
  return (
    <figure className="chart" aria-label={chart.title}>
      <figcaption className="chart-title">
        {chart.title} <span className="chart-unit">({chart.unit})</span>
      </figcaption>
      <div className="chart-body">
        <div className="chart-y" aria-hidden="true">
          <span>{niceNumber(chart.max)}</span>
          <span>0</span>
        </div>
        <svg
          className="chart-plot"
          viewBox={`0 0 ${W} ${H}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`${chart.title}: ${chart.series.map((s) => s.name).join(', ')}`}
        >
          <line x1="0" x2={W} y1={H} y2={H} className="chart-axis" vectorEffect="non-scaling-stroke" />
          <line x1="0" x2="0" y1="0" y2={H} className="chart-axis" vectorEffect="non-scaling-stroke" />
          {chart.series.map((s, i) => (
            <polyline
              key={s.name}
              points={pointsOf(s.values, axis, xOf, yOf)}
              className="chart-line"
              stroke={COLOURS[i % COLOURS.length]}
              strokeDasharray={i >= COLOURS.length ? '6 4' : undefined}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {marker !== null && (
            <>
              <rect x={marker} y="0" width={W - marker} height={H} className="chart-future" />
              <line
                x1={marker}
                x2={marker}
                y1="0"
                y2={H}
                className="chart-marker"
                vectorEffect="non-scaling-stroke"
              />
            </>
          )}
        </svg>
        <span aria-hidden="true" />
        <div className="chart-x" aria-hidden="true">
          <span>{axis.startLabel}</span>
          <span>{axis.endLabel}</span>
        </div>
      </div>
      <ul className="chart-legend">
        {chart.series.map((s, i) => (
          <li key={s.name}>
            <span className="chart-swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {s.name}
            <b>{valueText(s.values[at])}</b>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Each bucket's value at its end time; a series starts where it first has one. */
function pointsOf(
  values: readonly (number | null)[],
  axis: ChartAxis,
  xOf: (t: number) => number,
  yOf: (v: number) => number,
): string {
  const points: string[] = [];
  values.forEach((v, i) => {
    if (v === null) return;
    if (!points.length) points.push(`${xOf(i === 0 ? axis.start : axis.ends[i - 1])},${yOf(v)}`);
    points.push(`${xOf(axis.ends[i])},${yOf(v)}`);
  });
  return points.join(' ');
}

/** The bucket holding the viewed moment; the last one while viewing now. */
function bucketAt(ends: readonly number[], time: number | null): number {
  if (time === null) return ends.length - 1;
  const i = ends.findIndex((e) => e >= time);
  return i === -1 ? ends.length - 1 : i;
}

function niceNumber(v: number): string {
  return v >= 100 ? v.toFixed(0) : Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function valueText(v: number | null | undefined): string {
  return v === null || v === undefined ? '—' : niceNumber(v);
}
