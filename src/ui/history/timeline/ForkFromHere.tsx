// Fork from here (a deterministic run, a past step on show): a new run that
// replays the same link to this step and then changes one thing — adds a
// crash ("what if the relay had crashed here instead?") or, in a shop run,
// flips a duplicate guard ("what if the inbox had been off from here?") —
// opened beside this one in a new tab, or with this run on the compare page.
// This run is not touched. Each page says what its run can be forked with.

import { useId, useState } from 'react';
import type { CrashPoint } from '../../../core/crashPoints';
import type { Fault } from '../../../core/faults/faultPlan';
import type { Scenario } from '../../../core/scenario/scenario';
import type { Guards } from '../../../runtime/controller';
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
/** Any process a crash can name: a shop service, or an event-sourced or CDC run's process. */
type Process = Extract<Fault, { kind: 'crash' }>['service'];

/** What a page's run can be forked with, and the run it forks. */
export interface ForkChoices {
  deterministic: boolean;
  /** Each process a crash can be added to, with the points it reaches (none: no crash to offer). */
  crashes: readonly { process: Process; points: readonly CrashPoint[] }[];
  /** The duplicate guards as the run has them now, each offered flipped (null: this run has none to flip). */
  guards: Guards | null;
  /** The run as its share link would carry it (its faults as planned, a fork's change left out). */
  scenario(): Scenario;
}

/** The shop's: its services and broker, the points this approach reaches, and its guards where messages are redelivered. */
export function ShopForkFromHere() {
  const controller = useController();
  const approach = useApproach();
  const choices: ForkChoices = {
    deterministic: controller.mode === 'deterministic',
    crashes: targetServices(controller.processNames).map((process) => ({
      process,
      points: crashPointsFor(approach, process),
    })),
    guards: approach.ordering === 'messaging' ? (approach.guards ?? null) : null,
    scenario: () => controller.scenario(),
  };
  return <ForkFromHere choices={choices} />;
}

/** An event-sourced or CDC run's: its processes and the points each reaches (they have no switches to flip). */
export function forkChoicesOf(
  controller: { mode: string; scenario(): Scenario },
  points: Readonly<Partial<Record<Process, readonly CrashPoint[]>>>,
): ForkChoices {
  const crashes = (Object.entries(points) as [Process, readonly CrashPoint[]][])
    .filter(([, reached]) => reached.length > 0)
    .map(([process, reached]) => ({ process, points: reached }));
  return {
    deterministic: controller.mode === 'deterministic',
    crashes,
    guards: null,
    scenario: () => controller.scenario(),
  };
}

export function ForkFromHere({ choices }: { choices: ForkChoices }) {
  const viewing = useMoment((s) => s.viewing);
  const id = useId();
  const { crashes, guards } = choices;
  const [what, setWhat] = useState<What>(crashes.length ? 'crash' : (FORK_SWITCHES[0] as What));
  const [chosenProcess, setProcess] = useState<Process | undefined>(crashes[0]?.process);
  const target = crashes.find((c) => c.process === chosenProcess) ?? crashes[0];
  const [chosenPoint, setPoint] = useState<CrashPoint | undefined>(target?.points[0]);
  const point = target && (target.points.includes(chosenPoint!) ? chosenPoint! : target.points[0]);
  if (!choices.deterministic || viewing?.step == null) return null;
  const step = viewing.step;
  if (new URLSearchParams(window.location.search).has(FORK_PARAM))
    return (
      <p className="fork-from-here muted" role="note">
        This run is a fork: a link holds one change, so fork the original run to try another.
      </p>
    );
  const flipping = what !== 'crash' && guards ? what : null;
  const change: ForkChange | null = flipping
    ? { kind: 'switch', switch: flipping, on: !guards![flipping] }
    : target && point
      ? { kind: 'fault', fault: { kind: 'crash', service: target.process, point, nth: 1 } }
      : null;
  if (!change) return null;
  // The fork is a link to a fresh run: this run's link (its faults as planned) at the step, and the change made there.
  const scenario = { ...choices.scenario(), at: step };
  const base = shareBase(window.location.href);
  const link = forkLink(base, scenario, change);
  const compare = compareLink(base, scenario, { scenario, fork: change });
  return (
    <div className="fork-from-here" role="group" aria-label="Fork from here">
      <label htmlFor={`${id}-what`}>Fork with</label>
      <select id={`${id}-what`} value={flipping ?? 'crash'} onChange={(e) => setWhat(e.target.value as What)}>
        {crashes.length > 0 && <option value="crash">a crash</option>}
        {guards &&
          FORK_SWITCHES.map((s) => (
            <option key={s} value={s}>
              {SWITCH_WORDS[s]} {guards[s] ? 'off' : 'on'}
            </option>
          ))}
      </select>
      {change.kind === 'fault' && target && (
        <>
          <label htmlFor={`${id}-service`}>of</label>
          <select
            id={`${id}-service`}
            value={target.process}
            onChange={(e) => setProcess(e.target.value as Process)}
          >
            {crashes.map((c) => (
              <option key={c.process} value={c.process}>
                {c.process}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-point`}>at</label>
          <select id={`${id}-point`} value={point} onChange={(e) => setPoint(e.target.value as CrashPoint)}>
            {target.points.map((p) => (
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
