// What a fork link changed where the run stood at its step (runtime/forkLink.ts),
// kept so the run's own share link leaves it out: the fork's change travels in
// its own parameter, and the scenario in the hash stays the run it forked.

import type { Fault } from '../../core/faults/faultPlan';
import type { Scenario } from '../../core/scenario/scenario';
import type { ForkChange } from '../forkLink';

export class RunFork {
  private change: ForkChange | null = null;

  made(change: ForkChange): void {
    this.change = change;
  }

  /** `plan` without the fault the fork added (the first equal one: the plan may hold the same fault twice). */
  linkFaults(plan: readonly Fault[]): Fault[] {
    const left = [...plan];
    const change = this.change;
    if (change?.kind !== 'fault') return left;
    const added = JSON.stringify(change.fault);
    const index = left.findIndex((f) => JSON.stringify(f) === added);
    if (index >= 0) left.splice(index, 1);
    return left;
  }

  /** `now` (the run as a scenario) with the fork's flipped switch as it was opened (`setup`). */
  linkScenario(now: Scenario, setup: Scenario): Scenario {
    const change = this.change;
    if (change?.kind !== 'switch') return now;
    return { ...now, [change.switch]: setup[change.switch] };
  }
}
