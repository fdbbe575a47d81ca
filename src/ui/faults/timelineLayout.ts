// Pure: where the fired faults sit on the timeline strip. The axis counts steps
// in a deterministic run (the unit a replay is told in) and simulation time in
// a live one. Markers too close to read side by side go up a lane.

import type { FiredFault } from '../store/types';
import { simTimeText } from './faultStatus';

export type TimelineUnit = 'step' | 'ms';

export interface TimelineMarker {
  fired: FiredFault;
  /** 0 at the run's start, 1 at the axis end. */
  x: number;
  /** 0 sits on the axis; each lane above holds markers that would overlap the one below. */
  lane: number;
}

export interface Timeline {
  unit: TimelineUnit;
  end: number;
  markers: TimelineMarker[];
  lanes: number;
  ticks: { x: number; label: string }[];
}

/** Steps only when every report has one: a live report mixed in has no step to place. */
export function unitFor(deterministic: boolean, fired: readonly FiredFault[]): TimelineUnit {
  return deterministic && fired.every((f) => f.step !== null) ? 'step' : 'ms';
}

export function positionOf(fired: FiredFault, unit: TimelineUnit): number {
  return unit === 'step' ? (fired.step ?? 0) : fired.at;
}

export function tickLabel(value: number, unit: TimelineUnit): string {
  return unit === 'step' ? `step ${Math.round(value)}` : simTimeText(value);
}

/**
 * `now`: where the run stands (steps granted, or simulation time), so the axis
 * reaches the present. `minGap`: the fraction of the width one marker needs.
 */
export function layoutTimeline(
  fired: readonly FiredFault[],
  unit: TimelineUnit,
  now: number,
  minGap: number,
): Timeline {
  const end = Math.max(1, now, ...fired.map((f) => positionOf(f, unit)));
  const laneEnds: number[] = [];
  const markers = [...fired]
    .sort((a, b) => positionOf(a, unit) - positionOf(b, unit))
    .map((f): TimelineMarker => {
      const x = positionOf(f, unit) / end;
      let lane = laneEnds.findIndex((last) => x - last >= minGap);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = x;
      return { fired: f, x, lane };
    });
  const ticks = [0, 0.5, 1].map((x) => ({ x, label: tickLabel(x * end, unit) }));
  return { unit, end, markers, lanes: Math.max(1, laneEnds.length), ticks };
}
