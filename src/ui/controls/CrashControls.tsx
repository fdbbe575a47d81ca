// Per-process crash controls: pick a named crash point and arm it, or kill the
// process now. A crashed process shows RestartButton instead (in its header).
// The broker has no crash points: it only gets CrashNowButton.

import { CrashNow, Restart } from './KillButtons';
import { CrashPointPicker } from './CrashPointPicker';
import type { ProcessName } from '../../core/telemetry';
import { approachOf } from '../approach';
import type { ProcessState } from '../store/types';
import { useController } from './ControllerContext';
import { crashPointsFor } from './crashPointsFor';
import { useActions } from './useActions';

interface Props {
  process: ProcessName;
  state: ProcessState;
  /** stacked: picker above the buttons (narrow service nodes); inline: one row (broker header). */
  layout: 'stacked' | 'inline';
}

export function CrashControls({ process, state, layout }: Props) {
  const actions = useActions();
  const points = crashPointsFor(approachOf(useController()), process, state.armed);
  return (
    // nodrag/nopan: clicks and wheel on these controls must not pan the canvas.
    <div
      className={`crash-controls ${layout} nodrag nopan`}
      role="group"
      aria-label={`${process} crash controls`}
    >
      <CrashPointPicker
        process={process}
        points={points}
        armed={state.armed}
        busy={state.status !== 'running'}
        armLabel="Arm crash"
        onArm={(point) => actions.crashAt(process, point)}
        buttonsClassName="crash-buttons"
      >
        <CrashNowButton process={process} state={state} />
      </CrashPointPicker>
    </div>
  );
}

/** Kills the process wherever it is; `title` says what survives. */
export function CrashNowButton({
  process,
  state,
  title,
}: {
  process: ProcessName;
  state: ProcessState;
  title?: string;
}) {
  const actions = useActions();
  return (
    <CrashNow
      process={process}
      running={state.status === 'running'}
      title={title}
      onCrash={() => actions.crashNow(process)}
    />
  );
}

export function RestartButton({ process }: { process: ProcessName }) {
  const actions = useActions();
  return <Restart process={process} onRestart={() => actions.restart(process)} />;
}
