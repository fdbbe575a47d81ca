// Pure derivation of what the saga chart draws: each step's mark (done, current,
// failed, compensated, skipped, not reached) and the compensation chain in the
// reverse order it runs. Reads only a SagaView; no React, no store.

import type { SagaView } from '../../core/saga/sagaView';
import { ORDER_SAGA_STEPS, type SagaStep } from '../../core/saga/steps';

/** `unknown`: the step timed out — it may have happened — so the saga undoes it too. */
export type StepMark = 'done' | 'current' | 'failed' | 'unknown' | 'compensated' | 'skipped' | 'not-reached';

/** A compensation's progress: queued behind others, being run, stuck, done, or skipped by an operator. */
export type CompensationMark = 'waiting' | 'running' | 'stuck' | 'done' | 'skipped';

export interface StepState {
  step: SagaStep;
  mark: StepMark;
}

export interface CompensationState {
  step: SagaStep;
  mark: CompensationMark;
}

const byName = new Map(ORDER_SAGA_STEPS.map((s) => [s.name, s]));
const pick = (names: string[]) => names.map((name) => byName.get(name)!);

/**
 * The order the steps run in. The orchestrator reserves stock before it charges;
 * the choreographed services charge first (payment reacts to OrderCreated).
 */
export function stepsFor(style: SagaView['style']): SagaStep[] {
  return style === 'orchestration'
    ? ORDER_SAGA_STEPS
    : pick(['createOrder', 'processPayment', 'reserveInventory', 'scheduleShipping', 'completeOrder']);
}

/** Whether the saga has turned back: it compensates, has compensated, or is stuck compensating. */
export function isUnwinding(view: Pick<SagaView, 'status'>): boolean {
  return view.status === 'COMPENSATING' || view.status === 'COMPENSATED' || view.status === 'STUCK';
}

function doneForward(view: SagaView, steps: SagaStep[]): Set<string> {
  // A completed saga did every step (a choreographed order records no completeOrder event).
  if (view.status === 'COMPLETED') return new Set(steps.map((s) => s.name));
  return new Set([...view.completed, ...view.skipped]);
}

/** Steps being undone that never reported done: they timed out, so their outcome is unknown. */
function unknownOutcomes(view: SagaView): Set<string> {
  return new Set([...view.compensated, ...view.pending].filter((name) => !view.completed.includes(name)));
}

/** The first step that did not get done: the one under way, or the one whose failure turned the saga back. */
function frontier(view: SagaView, steps: SagaStep[]): string | null {
  const done = doneForward(view, steps);
  return steps.find((s) => !done.has(s.name))?.name ?? null;
}

export function stepStates(view: SagaView): StepState[] {
  const steps = stepsFor(view.style);
  const done = doneForward(view, steps);
  const next = frontier(view, steps);
  const current = view.status === 'RUNNING' ? (view.step ?? next) : null;
  const failed = isUnwinding(view) && view.failure ? next : null;
  const unknown = unknownOutcomes(view);
  return steps.map((step): StepState => {
    const name = step.name;
    const mark: StepMark = unknown.has(name)
      ? 'unknown'
      : view.compensated.includes(name)
        ? 'compensated'
        : view.skipped.includes(name)
          ? 'skipped'
          : done.has(name)
            ? 'done'
            : name === failed
              ? 'failed'
              : name === current
                ? 'current'
                : 'not-reached';
    return { step, mark };
  });
}

/** The compensations the saga owes, latest step first (the order they run in), each with its progress. */
export function compensationChain(view: SagaView): CompensationState[] {
  if (!isUnwinding(view)) return [];
  const steps = stepsFor(view.style);
  const done = doneForward(view, steps);
  const unknown = unknownOutcomes(view);
  const owed = steps.filter((s) => s.compensation && (done.has(s.name) || unknown.has(s.name))).reverse();
  return owed.map((step): CompensationState => {
    const name = step.name;
    if (view.compensated.includes(name)) return { step, mark: 'done' };
    if (view.skipped.includes(name)) return { step, mark: 'skipped' };
    if (view.pending[0] === name) return { step, mark: view.status === 'STUCK' ? 'stuck' : 'running' };
    return { step, mark: 'waiting' };
  });
}

export const STEP_ICONS: Record<StepMark, string> = {
  done: '✓',
  current: '●',
  failed: '✗',
  unknown: '?',
  compensated: '↶',
  skipped: '⚠',
  'not-reached': '○',
};

export const COMPENSATION_ICONS: Record<CompensationMark, string> = {
  waiting: '○',
  running: '●',
  stuck: '✗',
  done: '↶',
  skipped: '⚠',
};
