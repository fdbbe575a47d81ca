// Fork from here: a link that replays a deterministic run to the step on show
// (the scenario's `at`) and then adds one fault — "what if the relay had
// crashed here instead?". The scenario travels in the hash as every share
// link's does; the added fault in the `fork` query parameter, checked as
// strictly as a link's faults. The fault is armed once the run stands at its
// step, so the fork's trace equals the original's up to there.

import type { Fault } from '../core/faults/faultPlan';
import { encodeScenario } from '../core/scenario/link';
import type { Scenario, Topology } from '../core/scenario/scenario';
import { validateFaultPlan } from '../core/scenario/validate';

export const FORK_PARAM = 'fork';

/** The fork's address: `base` (a share link's base) with the fault added at the scenario's `at`. */
export function forkLink(base: string, scenario: Scenario, fault: Fault): string {
  const url = new URL(base);
  url.searchParams.set(FORK_PARAM, JSON.stringify(fault));
  url.hash = encodeScenario(scenario);
  return url.toString();
}

export type ForkFromUrl = { fault: Fault | null; error: string | null };

export function forkFromUrl(search: string, topology: Topology): ForkFromUrl {
  const raw = new URLSearchParams(search).get(FORK_PARAM);
  if (raw === null) return { fault: null, error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { fault: null, error: 'the fork’s added fault is not JSON' };
  }
  const checked = validateFaultPlan([parsed], topology);
  if (!checked.ok) return { fault: null, error: `the fork’s added fault: ${checked.problems.join('; ')}` };
  return { fault: checked.faults[0], error: null };
}
