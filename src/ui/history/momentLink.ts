// A share link carries the moment on show: a deterministic run's link opens
// at the step being looked at (a past one, or the run's step now), so a
// colleague lands where the sharer stood. A live run has no steps to carry.

import { SCENARIO_LIMITS, type Scenario } from '../../core/scenario/scenario';
import type { SimState } from '../../runtime/controller';
import type { ViewedMoment } from './momentStore';

export function scenarioAtMoment(
  scenario: Scenario,
  sim: SimState,
  viewing: ViewedMoment | null,
  /** A fork's link opens where the fork was made: its added fault is armed there (runtime/forkLink.ts). */
  forked = false,
): Scenario {
  if (sim.mode !== 'deterministic' || forked) return scenario;
  const step = viewing?.step ?? sim.steps;
  return { ...scenario, at: Math.min(step, SCENARIO_LIMITS.at.max) };
}
