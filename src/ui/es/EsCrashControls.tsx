// A process's crash controls, as on the shop's nodes: pick one of the points it
// can reach and arm it, or kill the worker now.

import { useState } from 'react';
import { CRASH_POINTS, type CrashPoint } from '../../core/crashPoints';
import { ES_CRASH_POINTS, type EsProcess } from '../../runtime/esController';
import { useEsController } from './EsContext';
import type { EsProcessState } from './esState';

export function EsCrashControls({ process, state, stacked }: { process: EsProcess; state: EsProcessState; stacked: boolean }) {
  const controller = useEsController();
  const points = ES_CRASH_POINTS[process];
  const [point, setPoint] = useState<CrashPoint>(state.armed ?? points[0]);
  const busy = state.status !== 'running';
  const armedHere = state.armed === point;
  return (
    <div className={`crash-controls es-crash-controls ${stacked ? 'es-stacked' : 'inline'}`} role="group" aria-label={`${process} crash controls`}>
      <select
        value={point}
        title={CRASH_POINTS[point]}
        aria-label={`Crash point for ${process}`}
        className={state.armed ? 'armed' : undefined}
        disabled={busy}
        onChange={(e) => setPoint(e.target.value as CrashPoint)}
      >
        {points.map((name) => (
          <option key={name} value={name} title={CRASH_POINTS[name]}>
            {name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={armedHere ? 'btn btn-armed' : 'btn'}
        disabled={busy}
        aria-pressed={armedHere}
        aria-label={`Arm crash of ${process} at ${point}`}
        title={CRASH_POINTS[point]}
        onClick={() => controller.crashAt(process, point)}
      >
        {armedHere ? 'Armed ✓' : 'Arm'}
      </button>
      <button type="button" className="btn btn-danger" disabled={busy} aria-label={`Crash ${process} now`} title="Terminate the worker now" onClick={() => controller.crashNow(process)}>
        Crash now
      </button>
    </div>
  );
}
