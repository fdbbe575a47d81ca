// Per-process crash controls: pick a named crash point and arm it, or kill the
// process now. A crashed process shows RestartButton instead (in its header).
// The broker has no crash points: it only gets CrashNowButton.

import { useState } from 'react';
import { CRASH_POINTS, isCrashPoint, type CrashPoint } from '../../core/crashPoints';
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
  const [point, setPoint] = useState<CrashPoint>(state.armed ?? points[0]);
  // Follow a point armed from elsewhere (the test API, another control) so the picker shows what is armed.
  const [seenArmed, setSeenArmed] = useState(state.armed);
  if (state.armed !== seenArmed) {
    setSeenArmed(state.armed);
    if (state.armed) setPoint(state.armed);
  }
  const busy = state.status !== 'running';
  const armedHere = state.armed === point;

  return (
    // nodrag/nopan: clicks and wheel on these controls must not pan the canvas.
    <div
      className={`crash-controls ${layout} nodrag nopan`}
      role="group"
      aria-label={`${process} crash controls`}
    >
      <select
        value={point}
        title={CRASH_POINTS[point]}
        aria-label={`Crash point for ${process}`}
        className={state.armed ? 'armed' : undefined}
        disabled={busy}
        onChange={(e) => isCrashPoint(e.target.value) && setPoint(e.target.value)}
      >
        {points.map((name) => (
          <option key={name} value={name} title={CRASH_POINTS[name]}>
            {name}
          </option>
        ))}
      </select>
      <div className="crash-buttons">
        <button
          type="button"
          className={armedHere ? 'btn btn-armed' : 'btn'}
          disabled={busy}
          aria-pressed={armedHere}
          aria-label={`Arm crash of ${process} at ${point}`}
          title={CRASH_POINTS[point]}
          onClick={() => actions.crashAt(process, point)}
        >
          {armedHere ? 'Armed ✓' : 'Arm crash'}
        </button>
        <CrashNowButton process={process} state={state} />
      </div>
    </div>
  );
}

/** Kills the process wherever it is; `title` says what survives. */
export function CrashNowButton({ process, state, title }: { process: ProcessName; state: ProcessState; title?: string }) {
  const actions = useActions();
  return (
    <button
      type="button"
      className="btn btn-danger nodrag nopan"
      disabled={state.status !== 'running'}
      aria-label={`Crash ${process} now`}
      title={title}
      onClick={() => actions.crashNow(process)}
    >
      Crash now
    </button>
  );
}

export function RestartButton({ process }: { process: ProcessName }) {
  const actions = useActions();
  return (
    <button
      type="button"
      className="btn btn-restart nodrag nopan"
      onClick={() => actions.restart(process)}
      aria-label={`Restart ${process}`}
    >
      Restart
    </button>
  );
}
