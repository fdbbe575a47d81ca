// Which run this is, always in view: live, its snapshot policy and pace — what
// a screenshot of a load cost needs to be read right.

import { useEsController } from './EsContext';
import { count } from './esFormat';

export function EsRunBadge() {
  const controller = useEsController();
  const scenario = controller.scenario();
  const every =
    scenario.snapshotEvery > 0 ? `snapshot every ${count(scenario.snapshotEvery)}` : 'no snapshots';
  return (
    <span
      className="run-mode"
      data-testid="run-mode"
      title={`Run ${controller.runId}: every process runs freely on real time (${scenario.pace} pace).`}
    >
      Live · {every}
    </span>
  );
}
