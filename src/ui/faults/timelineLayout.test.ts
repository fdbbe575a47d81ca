import { describe, expect, it } from 'vitest';
import type { FiredFault } from '../store/types';
import { layoutTimeline, unitFor } from './timelineLayout';

const fired = (index: number, step: number | null, at = step ?? 0): FiredFault => ({
  index,
  description: `fault ${index}`,
  at,
  step,
});

describe('layoutTimeline', () => {
  it('counts steps in a deterministic run and simulation time in a live one', () => {
    expect(unitFor(true, [fired(0, 3)])).toBe('step');
    expect(unitFor(false, [fired(0, 3)])).toBe('ms');
    expect(unitFor(true, [fired(0, null)])).toBe('ms');
  });

  it('places markers along an axis that reaches the present', () => {
    const t = layoutTimeline([fired(0, 25), fired(1, 50)], 'step', 100, 0.1);
    expect(t.markers.map((m) => [m.fired.index, m.x, m.lane])).toEqual([
      [0, 0.25, 0],
      [1, 0.5, 0],
    ]);
    expect(t.ticks.map((tick) => tick.label)).toEqual(['step 0', 'step 50', 'step 100']);
  });

  it('stretches the axis to the latest marker when the run is behind it', () => {
    const t = layoutTimeline([fired(0, null, 2400)], 'ms', 0, 0.1);
    expect(t.end).toBe(2400);
    expect(t.markers[0].x).toBe(1);
  });

  it('stacks markers too close to read, and drops back to the axis when there is room', () => {
    const t = layoutTimeline([fired(0, 10), fired(1, 12), fired(2, 14), fired(3, 60)], 'step', 100, 0.1);
    expect(t.markers.map((m) => m.lane)).toEqual([0, 1, 2, 0]);
    expect(t.lanes).toBe(3);
  });

  it('has one lane and a non-zero axis when nothing fired yet', () => {
    const t = layoutTimeline([], 'step', 0, 0.1);
    expect(t.lanes).toBe(1);
    expect(t.end).toBe(1);
  });
});
