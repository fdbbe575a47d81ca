// The order saga's data, apart from its machine: what it starts from, the
// context it keeps, the events it takes and the history it writes, and the
// pure reads of that context the machine's actions and guards share
// (including what compensating must undo). No XState here.

import type { RetryPolicy } from './retryPolicy';
import { pivotIndex, type SagaStep } from './steps';

export interface SagaInput {
  sagaId: string;
  orderId: string;
  order: unknown;
  steps: SagaStep[];
  /** Forward steps before the pivot: their attempts are counted, and running out of them turns the saga back. */
  retry: RetryPolicy;
  /**
   * Compensations, and steps past the pivot: work that is retried until it is done (its attempts run out only on
   * answers that say "failed", which park a compensation). Its backoff caps where it likes, so a long outage costs a
   * few commands, not hundreds.
   */
  compensationRetry: RetryPolicy;
  stepTimeoutMs: number;
  now: number;
}

export type HistoryKind =
  | 'command'
  | 'succeeded'
  | 'failed'
  | 'timeout'
  | 'retry'
  | 'compensate'
  | 'compensated'
  | 'stuck'
  | 'skipped'
  | 'forced'
  | 'done'
  /** A reply for a step or compensation that is no longer under way (a repeat, or after the saga gave up on it). */
  | 'late'
  /** A participant refused a step's late command: it had compensated that step (a semantic lock). */
  | 'refused';

export interface HistoryEntry {
  at: number;
  step: string | null;
  kind: HistoryKind;
  detail: string;
}

export interface SagaContext extends Omit<SagaInput, 'now'> {
  /** Index of the forward step under way. */
  index: number;
  completed: string[];
  /** Compensations still to run, next first (the completed steps, reversed). */
  pending: string[];
  compensated: string[];
  /** Compensations an operator chose to skip: their step stays done. */
  skipped: string[];
  /** Attempts made at the current step or compensation. */
  attempt: number;
  /** An attempt at the current step timed out: it may have happened, so compensating must undo it too. */
  uncertain: boolean;
  timer: { due: number; kind: 'timeout' | 'retry' } | null;
  failure: string | null;
  stuckReason: string | null;
  history: HistoryEntry[];
}

/** Which of a step's commands a reply answers: its action or its compensation (absent: whichever is under way). */
export type ReplyKind = 'step' | 'compensation';

export type SagaEvent =
  | { type: 'step.succeeded'; step: string; kind?: ReplyKind; now: number; detail?: string }
  | { type: 'step.failed'; step: string; kind?: ReplyKind; errorType: string; message: string; now: number }
  /** A participant refused the step's command because it had compensated the step already. */
  | { type: 'step.refused'; step: string; now: number; detail: string }
  | { type: 'timer.fired'; now: number }
  | { type: 'saga.retry'; now: number }
  | { type: 'saga.skip'; now: number }
  | { type: 'saga.forceCompensation'; now: number };

export const log = (
  ctx: SagaContext,
  now: number,
  kind: HistoryKind,
  step: string | null,
  detail: string,
): HistoryEntry[] => [...ctx.history, { at: now, step, kind, detail }];
export const currentStep = (ctx: SagaContext) => ctx.steps[ctx.index].name;
export const currentCompensation = (ctx: SagaContext) => ctx.pending[0];
const reverseCompensable = (ctx: SagaContext, completed: string[]) =>
  [...completed].reverse().filter((name) => ctx.steps.find((s) => s.name === name)?.compensation);
export const isPastPivot = (ctx: SagaContext) => ctx.index > pivotIndex(ctx.steps);

/** What compensating undoes: the step under way first if it may have happened, then the completed steps in reverse. */
export function toCompensate(
  ctx: SagaContext,
  includeCurrent: boolean,
): { pending: string[]; detail: string } {
  const current = ctx.steps[ctx.index];
  const unknown = includeCurrent && current?.compensation ? [current.name] : [];
  const pending = [...unknown, ...reverseCompensable(ctx, ctx.completed)];
  const why = unknown.length
    ? ` (${current.name}'s outcome is unknown: it may have happened, so it is undone too)`
    : '';
  return { pending, detail: `compensating ${pending.join(' → ') || 'nothing'}${why}` };
}

export function lateDetail(ctx: SagaContext, event: SagaEvent): string {
  if (event.type !== 'step.succeeded' && event.type !== 'step.failed') return '';
  const what =
    event.type === 'step.succeeded' ? (event.detail ?? 'ok') : `${event.errorType}: ${event.message}`;
  const undone = ctx.compensated.includes(event.step) || ctx.pending.includes(event.step);
  const why =
    event.kind === 'compensation'
      ? 'a repeat answer to its compensation'
      : ctx.completed.includes(event.step) && !undone
        ? 'a repeat answer, already recorded'
        : 'the saga no longer waits for it; its compensation undoes whatever it did';
  return `${what} arrived late: ${why}`;
}

export function eventNow(event: SagaEvent | { type: string }, context: SagaContext): number {
  return 'now' in event && typeof event.now === 'number'
    ? event.now
    : context.history[context.history.length - 1].at;
}

export function detailOf(event: SagaEvent): string {
  return event.type === 'step.succeeded' ? (event.detail ?? 'ok') : '';
}

export function compensationOf(context: Pick<SagaContext, 'steps'>, step: string): string {
  return context.steps.find((s) => s.name === step)?.compensation ?? '';
}
