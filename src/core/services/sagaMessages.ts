// How services and the orchestrator talk in an orchestrated saga: a command
// carries the saga, the step and the order; every reply carries the saga back,
// and a failed reply says what kind of failure it was, so the orchestrator can
// tell a business "no" (compensate) from a transient error (retry).

import type { HandlerContext } from '../service/definition';
import type { OrderItem } from '../rows';

export interface OrderFacts {
  orderId: string;
  customerId: string;
  total: number;
  items: OrderItem[];
  region: string;
}

export interface SagaRef {
  id: string;
  step: string;
  kind: 'step' | 'compensation';
}

export interface SagaCommand {
  saga: SagaRef;
  attempt: number;
  order: OrderFacts;
}

export interface Failure {
  errorType: string;
  message: string;
}

export type Outcome<T = object> = { ok: true; facts: T } | ({ ok: false } & Failure);

export const failure = (errorType: string, message: string): Outcome<never> => ({
  ok: false,
  errorType,
  message,
});

/** Emits an orchestrated step's reply: `type` on success, `failedType` with the failure otherwise. */
export function reply(
  ctx: HandlerContext,
  command: SagaCommand,
  outcome: Outcome,
  type: string,
  failedType: string,
): string {
  const orderId = command.order.orderId;
  if (outcome.ok) {
    ctx.emit(type, orderId, { ...outcome.facts, orderId, saga: command.saga });
    return `${type} (saga ${command.saga.id})`;
  }
  ctx.emit(failedType, orderId, {
    orderId,
    saga: command.saga,
    errorType: outcome.errorType,
    message: outcome.message,
  });
  return `${failedType}: ${outcome.errorType} (saga ${command.saga.id})`;
}

/** Choreography handlers stand aside while an orchestrator runs the saga, and the other way round. */
export function choreographed(ctx: HandlerContext): boolean {
  return ctx.config.sagaStyle === 'choreography';
}

export const IGNORED_ORCHESTRATED = 'ignored: the orchestrator runs this saga';

/** A transient fault the data asks for: the first N attempts fail, or all while offline. */
export function transientFault(
  setting: { failFirstAttempts?: number; offline?: boolean } | undefined,
  attempt: number,
  what: string,
): Failure | null {
  if (setting?.offline) return { errorType: `${what}Offline`, message: `${what} is offline` };
  if (setting?.failFirstAttempts && attempt <= setting.failFirstAttempts)
    return {
      errorType: `${what}Timeout`,
      message: `${what} timed out (attempt ${attempt} of the first ${setting.failFirstAttempts} set to fail)`,
    };
  return null;
}

/** A compensation the data says cannot be done right now. */
export function compensationFault(
  setting: { compensationFails?: boolean } | undefined,
  what: string,
): Failure | null {
  return setting?.compensationFails
    ? { errorType: `${what}Unavailable`, message: `${what} cannot undo anything right now` }
    : null;
}

/** In choreography a transient fault is thrown: the broker redelivers, then dead-letters. */
export class TransientError extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.errorType}: ${failure.message}`);
    this.name = failure.errorType;
  }
}
