import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../core/scenario/scenario';
import type { SimState } from '../../runtime/controller';
import { scenarioAtMoment } from './momentLink';

const sim = (mode: SimState['mode'], steps: number): SimState => ({
  mode,
  seed: 1,
  steps,
  simTime: steps * 10,
  running: false,
  done: false,
  traceHash: null,
  lastStep: null,
});

describe('a share link carries the moment on show', () => {
  const scenario = { ...DEFAULT_SCENARIO, mode: 'deterministic' as const, at: 0 };

  it('opens at the step being looked at, or at the run’s step now', () => {
    expect(scenarioAtMoment(scenario, sim('deterministic', 9), { step: 6, time: 60 }).at).toBe(6);
    expect(scenarioAtMoment(scenario, sim('deterministic', 9), null).at).toBe(9);
  });

  it('stays within what a link can hold, and leaves a live run’s link as it is', () => {
    expect(scenarioAtMoment(scenario, sim('deterministic', 90_000), null).at).toBe(50_000);
    const live = { ...DEFAULT_SCENARIO, at: 0 };
    expect(scenarioAtMoment(live, sim('live', 0), { step: null, time: 500 })).toBe(live);
  });
});
