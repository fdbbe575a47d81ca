// The run's crashes as notes for the sequence diagram, on the clock its rows
// use. A live run stamps rows with wall time, as the UI stamps its log; a
// deterministic run stamps them with simulation time, which only the fired
// faults carry. Pure: reads the store's data, not the store.

import type { CrashNote } from '../../core/export/timeline';
import type { Fault } from '../../core/faults/faultPlan';
import type { PlaygroundData } from '../store/types';

export function crashNotes(
  data: Pick<PlaygroundData, 'activity' | 'faultsFired' | 'faultPlan'>,
  mode: 'live' | 'deterministic',
  plan: readonly Fault[],
): CrashNote[] {
  if (mode === 'live') {
    return data.activity.log
      .filter((entry) => entry.kind === 'crashed' && entry.process)
      .map((entry) => ({ at: entry.at, process: entry.process!, text: entry.text }));
  }
  const faults = data.faultPlan ?? plan;
  return data.faultsFired.flatMap((fired) => {
    const fault = faults[fired.index];
    return fault?.kind === 'crash'
      ? [{ at: fired.at, process: fault.service, text: `${fault.service} crashed at ${fault.point}` }]
      : [];
  });
}
