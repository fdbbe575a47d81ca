// The saga as a small statechart, top to bottom: the forward steps in the left
// column with their marks, and — once the saga turns back — the compensations
// in the right column, run bottom-up (latest step first), as the seed draws them.

import { Fragment } from 'react';
import type { SagaView } from '../../core/saga/sagaView';
import type { StepRole } from '../../core/saga/steps';
import {
  COMPENSATION_ICONS,
  compensationChain,
  STEP_ICONS,
  stepStates,
  type CompensationMark,
  type StepMark,
} from './stepStates';

const STEP_WORDS: Record<StepMark, string> = {
  done: 'done',
  current: 'current',
  failed: 'failed',
  unknown: 'unknown',
  compensated: 'undone',
  skipped: 'kept (skipped)',
  'not-reached': 'not reached',
};

/** The step's role in the saga, as the literature names it: what may happen to it when a later step fails. */
const ROLE_WORDS: Record<StepRole, string> = {
  compensatable: 'compensatable',
  pivot: 'pivot',
  retriable: 'retriable',
};
const ROLE_HELP: Record<StepRole, string> = {
  compensatable: 'compensatable: undone if a later step fails (or if its own outcome is unknown)',
  pivot: 'pivot: the last step that can fail; once it succeeds the saga only goes forward',
  retriable: 'retriable: after the pivot, retried until it succeeds, never compensated',
};

const COMPENSATION_WORDS: Record<CompensationMark, string> = {
  waiting: 'waiting',
  running: 'running',
  stuck: 'stuck',
  done: 'done',
  skipped: 'skipped',
};

/** Lets a long camelCase name (ReleaseInventory) wrap between its words rather than be cut. */
function Breakable({ name }: { name: string }) {
  const words = name.split(/(?=[A-Z])/);
  return words.map((word, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {word}
    </Fragment>
  ));
}

export function SagaChart({ view }: { view: SagaView }) {
  const steps = stepStates(view);
  const chain = compensationChain(view);
  const unwinding = chain.length > 0;
  const compensationOf = (name: string) => chain.find((c) => c.step.name === name);
  return (
    <div className={unwinding ? 'saga-chart unwinding' : 'saga-chart'} role="list" aria-label="Saga steps">
      <div className="chart-heading">steps ↓</div>
      {unwinding && <div className="chart-heading">compensations ↑</div>}
      {steps.map(({ step, mark }, i) => {
        const comp = compensationOf(step.name);
        const compAbove = i > 0 && compensationOf(steps[i - 1].step.name);
        return (
          <div key={step.name} className="chart-row" role="listitem">
            {i > 0 && (
              <>
                <div className="chart-arrow" aria-hidden="true">
                  ↓
                </div>
                {unwinding && (
                  <div className={`chart-arrow${comp && compAbove ? '' : ' hidden'}`} aria-hidden="true">
                    ↑
                  </div>
                )}
              </>
            )}
            <div
              className={`step-box step-${mark} role-${step.role}`}
              title={`${step.service}: ${step.command ?? 'starts the saga'} — ${ROLE_HELP[step.role]}`}
            >
              <span className="step-icon" aria-hidden="true">
                {STEP_ICONS[mark]}
              </span>
              <span className="step-name">
                <Breakable name={step.name} />
              </span>
              <span className="step-meta">
                <span className={`step-role step-role-${step.role}`}>{ROLE_WORDS[step.role]}</span> ·{' '}
                <span className="step-word">{STEP_WORDS[mark]}</span>
              </span>
            </div>
            {unwinding &&
              (comp ? (
                <div className={`comp-box comp-${comp.mark}`} title={`${step.service} undoes ${step.name}`}>
                  <span className="step-icon" aria-hidden="true">
                    {COMPENSATION_ICONS[comp.mark]}
                  </span>
                  <span className="step-name">
                    <Breakable name={step.compensation ?? ''} />
                  </span>
                  <span className="step-meta">{COMPENSATION_WORDS[comp.mark]}</span>
                </div>
              ) : (
                <div className="comp-none">{mark === 'failed' ? '⤴ turned back here' : ''}</div>
              ))}
          </div>
        );
      })}
    </div>
  );
}
