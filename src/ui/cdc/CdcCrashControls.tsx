// A CDC process's crash controls, as on the shop's nodes: pick one of the
// points it can reach and arm it, or kill the worker now; once it is down,
// Restart. The broker has no points to arm: only Crash now.

import { CrashNow, Restart } from '../controls/KillButtons';
import { CDC_CRASH_POINTS, type CdcNode } from '../../runtime/cdcController';
import { CrashPointPicker } from '../controls/CrashPointPicker';
import type { ProcessState } from '../store/types';
import { errorText } from './connectCdc';
import { useCdcContext } from './CdcContext';

/** What a kill leaves behind, for the Crash now button's tooltip. */
const SURVIVES: Record<CdcNode, string> = {
  listings: 'its table and change log survive on disk',
  connector: 'its stored position survives; anything published after it will be published again',
  broker: 'its log and committed offsets survive on disk',
  query: 'its search documents survive; unacknowledged deliveries come again',
};

function CrashNowButton({ process, state }: { process: CdcNode; state: ProcessState }) {
  const { controller } = useCdcContext();
  return (
    <CrashNow
      process={process}
      running={state.status === 'running'}
      title={`Terminate the worker now: ${SURVIVES[process]}`}
      onCrash={() => controller.crashNow(process)}
    />
  );
}

export function CdcRestartButton({ process }: { process: CdcNode }) {
  const { controller, facts } = useCdcContext();
  return (
    <Restart
      process={process}
      onRestart={() =>
        controller
          .restart(process)
          .catch((err: unknown) => facts.getState().reportError(`Restart ${process}`, errorText(err)))
      }
    />
  );
}

export function CdcCrashControls({ process, state }: { process: CdcNode; state: ProcessState }) {
  const { controller } = useCdcContext();
  if (process === 'broker')
    return (
      <div
        className="crash-controls inline cdc-crash-broker nodrag nopan"
        role="group"
        aria-label="broker crash controls"
      >
        <CrashNowButton process={process} state={state} />
      </div>
    );
  return (
    // nodrag/nopan: clicks and wheel on these controls must not pan the canvas.
    <div
      className="crash-controls stacked nodrag nopan"
      role="group"
      aria-label={`${process} crash controls`}
    >
      <CrashPointPicker
        process={process}
        points={CDC_CRASH_POINTS[process]}
        armed={state.armed}
        busy={state.status !== 'running'}
        armLabel="Arm crash"
        onArm={(point) => void controller.crashAt(process, point)}
        buttonsClassName="crash-buttons"
      >
        <CrashNowButton process={process} state={state} />
      </CrashPointPicker>
    </div>
  );
}
