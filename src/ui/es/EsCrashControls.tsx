// A process's crash controls, as on the shop's nodes: pick one of the points it
// can reach and arm it, or kill the worker now.

import { CrashPointPicker } from '../controls/CrashPointPicker';
import { ES_CRASH_POINTS, type EsProcess } from '../../runtime/esController';
import { useEsController } from './EsContext';
import type { EsProcessState } from './esState';

export function EsCrashControls({
  process,
  state,
  stacked,
}: {
  process: EsProcess;
  state: EsProcessState;
  stacked: boolean;
}) {
  const controller = useEsController();
  const busy = state.status !== 'running';
  return (
    <div
      className={`crash-controls es-crash-controls ${stacked ? 'es-stacked' : 'inline'}`}
      role="group"
      aria-label={`${process} crash controls`}
    >
      <CrashPointPicker
        process={process}
        points={ES_CRASH_POINTS[process]}
        armed={state.armed}
        busy={busy}
        armLabel="Arm"
        onArm={(point) => void controller.crashAt(process, point)}
      >
        <button
          type="button"
          className="btn btn-danger"
          disabled={busy}
          aria-label={`Crash ${process} now`}
          title="Terminate the worker now"
          onClick={() => controller.crashNow(process)}
        >
          Crash now
        </button>
      </CrashPointPicker>
    </div>
  );
}
