// Fork from here (a deterministic shop run, a past step on show): a new run
// that replays the same link to this step and then changes one thing — adds a
// crash ("what if the relay had crashed here instead?") or flips a duplicate
// guard ("what if the inbox had been off from here?") — opened beside this one
// in a new tab, or with this run on the compare page. This run is not touched.

import { useId, useState } from 'react';
import type { CrashPoint } from '../../../core/crashPoints';
import type { ServiceName } from '../../../core/rows';
import {
  FORK_PARAM,
  FORK_SWITCHES,
  SWITCH_WORDS,
  forkLink,
  forkWords,
  type ForkChange,
  type ForkSwitch,
} from '../../../runtime/forkLink';
import { useController } from '../../controls/ControllerContext';
import { crashPointsFor } from '../../controls/crashPointsFor';
import { compareLink } from '../../compare/compareLink';
import { shareBase } from '../../export/shareBase';
import { targetServices } from '../../faults/faultTargets';
import { useApproach } from '../../useApproach';
import { useMoment } from '../momentStore';

type What = 'crash' | ForkSwitch;

export function ForkFromHere() {
  const controller = useController();
  const approach = useApproach();
  const viewing = useMoment((s) => s.viewing);
  const id = useId();
  const services = targetServices(controller.processNames);
  const [what, setWhat] = useState<What>('crash');
  const [service, setService] = useState<ServiceName>(services[0]);
  const points = crashPointsFor(approach, service);
  const [chosen, setPoint] = useState<CrashPoint>(points[0]);
  const point = points.includes(chosen) ? chosen : points[0];
  if (controller.mode !== 'deterministic' || viewing?.step == null || !point) return null;
  const step = viewing.step;
  if (new URLSearchParams(window.location.search).has(FORK_PARAM))
    return (
      <p className="fork-from-here muted" role="note">
        This run is a fork: a link holds one change, so fork the original run to try another.
      </p>
    );
  // The guards are flipped as the run has them now; they only mean something where messages are redelivered.
  const guards = approach.ordering === 'messaging' ? (approach.guards ?? null) : null;
  const change: ForkChange =
    what === 'crash' || !guards
      ? { kind: 'fault', fault: { kind: 'crash', service, point, nth: 1 } }
      : { kind: 'switch', switch: what, on: !guards[what] };
  // The fork is a link to a fresh run: this run's link (its faults as planned) at the step, and the change made there.
  const scenario = { ...controller.scenario(), at: step };
  const base = shareBase(window.location.href);
  const link = forkLink(base, scenario, change);
  const compare = compareLink(base, scenario, { scenario, fork: change });
  return (
    <div className="fork-from-here" role="group" aria-label="Fork from here">
      <label htmlFor={`${id}-what`}>Fork with</label>
      <select
        id={`${id}-what`}
        value={guards ? what : 'crash'}
        onChange={(e) => setWhat(e.target.value as What)}
      >
        <option value="crash">a crash</option>
        {guards &&
          FORK_SWITCHES.map((s) => (
            <option key={s} value={s}>
              {SWITCH_WORDS[s]} {guards[s] ? 'off' : 'on'}
            </option>
          ))}
      </select>
      {change.kind === 'fault' && (
        <>
          <label htmlFor={`${id}-service`}>of</label>
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
        </>
      )}
      <a
        className="btn btn-small"
        href={link}
        target="_blank"
        rel="noopener"
        title={`A new run: this link replayed to step ${step}, then ${forkWords(change)}`}
      >
        Fork from step {step}
      </a>
      <a
        className="btn btn-small"
        href={compare}
        target="_blank"
        rel="noopener"
        title={`This run and the fork side by side, both at step ${step}: step or run them together`}
      >
        Compare with this run
      </a>
    </div>
  );
}
