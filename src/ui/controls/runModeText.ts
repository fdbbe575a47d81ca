// Pure: the run-mode badge's words. The seed appears only once the scheduler
// has reported it: a made-up placeholder would be copied into bug reports.

import type { SimState } from '../../runtime/controller';

export function runModeText(sim: SimState | null, deterministic: boolean): string {
  if (!deterministic) return 'Live';
  return sim ? `Deterministic · seed ${sim.seed} · step ${sim.steps}` : 'Deterministic';
}
