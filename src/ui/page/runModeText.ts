// How a page's run badge names its run: live on real time, or deterministic
// with its seed — so a screenshot says which of the two it shows.

import type { RunMode } from '../../runtime/controller';
import type { Scenario } from '../../core/scenario/scenario';

export function runModeText(
  runId: string,
  mode: RunMode,
  scenario: Pick<Scenario, 'pace' | 'seed'>,
): { label: string; title: string } {
  if (mode === 'deterministic')
    return {
      label: `Deterministic · seed ${scenario.seed}`,
      title: `Run ${runId || '(none)'}: the seeded scheduler grants every step; the same link gives the same run.`,
    };
  return {
    label: 'Live',
    title: `Run ${runId || '(none)'}: every process runs freely on real time (${scenario.pace} pace).`,
  };
}
