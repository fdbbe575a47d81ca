// Small text helpers for the saga panel.

import type { SagaView } from '../../core/saga/sagaView';
import { ORDER_SAGA_STEPS } from '../../core/saga/steps';
import { clockTime } from '../format';

/**
 * A history entry's time. The orchestrator stamps its history with simulation
 * time (milliseconds since the run began, stopped while paused, sped up by the
 * speed setting); a choreographed chain's entries (kind 'event') are outbox rows,
 * stamped with the wall clock.
 */
export function sagaTime(entry: { at: number; kind: string }): string {
  return entry.kind === 'event' ? clockTime(entry.at) : simSeconds(entry.at);
}

export function simSeconds(at: number): string {
  return `${(at / 1000).toFixed(1)} s`;
}

/** What the operator buttons would do, or why they cannot be used on this saga. */
export function operatorBlock(view: Pick<SagaView, 'style' | 'status'>): string | null {
  if (view.style === 'choreography') {
    return 'A choreographed saga has no orchestrator: no process owns its state, so there is nothing to retry, skip or force.';
  }
  if (view.status !== 'STUCK') return 'Only a stuck saga waits for an operator.';
  return null;
}

export const SAGA_STYLE_LABELS: Record<SagaView['style'], string> = {
  choreography: 'choreo',
  orchestration: 'orch',
};

/**
 * What a saga is doing now. A saga row's `step` names the step whose undo is
 * under way once it compensates, so that shows as the compensation ("↶ ReleaseInventory"),
 * never as if the step itself were running again.
 */
export function currentStepLabel(status: string, step: string | null): string | null {
  if (!step) return null;
  if (status !== 'COMPENSATING' && status !== 'STUCK') return step;
  const compensation = ORDER_SAGA_STEPS.find((s) => s.name === step)?.compensation;
  return `↶ ${compensation ?? step}`;
}
