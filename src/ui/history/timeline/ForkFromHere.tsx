// Fork from here (a deterministic shop run, a past step on show): a new run
// that replays the same link to this step and then adds a crash — "what if
// the relay had crashed here instead?" — opened beside this one in a new tab.
// This run is not touched.

import { useId, useState } from 'react';
import type { CrashPoint } from '../../../core/crashPoints';
import type { ServiceName } from '../../../core/rows';
import { forkLink } from '../../../runtime/forkLink';
import { approachOf } from '../../approach';
import { useController } from '../../controls/ControllerContext';
import { crashPointsFor } from '../../controls/crashPointsFor';
import { shareBase } from '../../export/shareBase';
import { targetServices } from '../../faults/faultTargets';
import { useMoment } from '../momentStore';

export function ForkFromHere() {
  const controller = useController();
  const viewing = useMoment((s) => s.viewing);
  const id = useId();
  const services = targetServices(controller.processNames);
  const approach = approachOf(controller);
  const [service, setService] = useState<ServiceName>(services[0]);
  const points = crashPointsFor(approach, service);
  const [chosen, setPoint] = useState<CrashPoint>(points[0]);
  const point = points.includes(chosen) ? chosen : points[0];
  if (controller.mode !== 'deterministic' || viewing?.step == null || !point) return null;
  const scenario = { ...controller.scenario(), at: viewing.step };
  // The fork is a link to a fresh run: its faults are this run's as planned, and the crash added at the step.
  const link = forkLink(shareBase(window.location.href), scenario, { kind: 'crash', service, point, nth: 1 });
  return (
    <div className="fork-from-here" role="group" aria-label="Fork from here">
      <label htmlFor={`${id}-service`}>Fork: crash</label>
      <select
        id={`${id}-service`}
        value={service}
        onChange={(e) => setService(e.target.value as ServiceName)}
      >
        {services.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-point`}>at</label>
      <select id={`${id}-point`} value={point} onChange={(e) => setPoint(e.target.value as CrashPoint)}>
        {points.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <a
        className="btn btn-small"
        href={link}
        target="_blank"
        rel="noopener"
        title={`A new run: this link replayed to step ${viewing.step}, then ${service} crashes the next time it reaches ${point}`}
      >
        Fork from step {viewing.step}
      </a>
    </div>
  );
}
