// Which run this is, always in view: live or deterministic, its snapshot policy and pace — what
// a screenshot of a load cost needs to be read right.

import { useEsController } from './EsContext';
import { count } from './esFormat';
import { runModeText } from '../page/runModeText';

export function EsRunBadge() {
  const controller = useEsController();
  const scenario = controller.scenario();
  const every =
    scenario.snapshotEvery > 0 ? `snapshot every ${count(scenario.snapshotEvery)}` : 'no snapshots';
  const { label, title } = runModeText(controller.runId, controller.mode, scenario);
  return (
    <span className="run-mode" data-testid="run-mode" title={title}>
      {label} · {every}
    </span>
  );
}
