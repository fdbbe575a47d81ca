// The semantic lock (the saga literature's countermeasure against a late
// command): when a participant compensates a step for an order, it leaves a
// marker in the same transaction; a command for that step that arrives later
// is refused instead of carried out. Without it, a command that was stuck
// (delayed, or waiting for a service that was down) would charge, reserve or
// ship for an order whose saga has already undone that step — and nothing
// would ever undo it again. A scenario can switch the lock off to show that.

import type { EventHandler, HandlerContext } from '../service/definition';
import { reply, type OrderFacts, type Outcome, type SagaCommand, type SagaRef } from './sagaMessages';
import type { CloudEvent } from '../envelope';
import type { RowKey } from '../service/readAhead';

export const SEMANTIC_LOCK_TABLES = { semantic_locks: 'key, orderId' } as const;

export interface SemanticLockRow {
  /** `<step>/<orderId>`: one lock per step of an order's saga, whichever style runs it. */
  key: string;
  orderId: string;
  step: string;
  /** The compensation that left the lock, and what it undid (empty: the step had never happened, a no-op). */
  compensation: string;
  undid: string[];
  /** The orchestrated saga, when there is one. */
  saga: string | null;
  locked_at: number;
  /** Late commands refused so far, and the latest one's type. */
  refused: number;
  lastRefused: string | null;
}

const lockKey = (step: string, orderId: string) => `${step}/${orderId}`;

/** The lock row a step's handler reads first, for a batch to fetch ahead (readAhead.ts). */
export const lockRow = (step: string, orderId: string): RowKey => ({
  table: 'semantic_locks',
  key: lockKey(step, orderId),
});

/** What an orchestrated step's command is about. */
export const commandOrder = (event: CloudEvent): OrderFacts => (event.data as SagaCommand).order;

const locks = (ctx: HandlerContext) => ctx.table<SemanticLockRow>('semantic_locks');

/** Called in a compensation's transaction: from now on the step's late commands are refused. */
export async function lockAfterCompensation(
  ctx: HandlerContext,
  lock: { step: string; orderId: string; compensation: string; undid: string[]; saga?: SagaRef },
): Promise<void> {
  if (!ctx.config.semanticLocks) return;
  const key = lockKey(lock.step, lock.orderId);
  const earlier = await locks(ctx).get(key);
  await locks(ctx).put({
    key,
    orderId: lock.orderId,
    step: lock.step,
    compensation: lock.compensation,
    // A repeated compensation undoes nothing more: keep what the first one undid.
    undid: earlier ? earlier.undid : lock.undid,
    saga: lock.saga?.id ?? null,
    locked_at: earlier?.locked_at ?? ctx.now,
    refused: earlier?.refused ?? 0,
    lastRefused: earlier?.lastRefused ?? null,
  });
}

/**
 * Called before a step's action: if the step was compensated, counts the refusal and says why; null means go on.
 * `type` is the late message's type, recorded on the lock so the canvas can show what was turned away.
 */
export async function refusedByLock(
  ctx: HandlerContext,
  step: string,
  orderId: string,
  type: string,
): Promise<string | null> {
  if (!ctx.config.semanticLocks) return null;
  const lock = await locks(ctx).get(lockKey(step, orderId));
  if (!lock) return null;
  await locks(ctx).put({ ...lock, refused: lock.refused + 1, lastRefused: type });
  const undid = lock.undid.length ? `it undid ${lock.undid.join(', ')}` : 'a no-op: it had never happened';
  return `semantic lock: ${step} of ${orderId} was compensated by ${lock.compensation} (${undid}), so the late ${type} is refused`;
}

/** An orchestrated step's refusal: a reply the orchestrator records against the saga. */
export function refuse(
  ctx: HandlerContext,
  command: SagaCommand,
  commandType: string,
  reason: string,
): string {
  const orderId = command.order.orderId;
  ctx.emit(`${commandType}Refused`, orderId, {
    orderId,
    saga: command.saga,
    refused: true,
    errorType: 'SemanticLock',
    message: reason,
  });
  return `refused: ${reason}`;
}

/** Reply types of a saga command: what it emits on success and on failure. */
type Replies = [ok: string, failed: string];

/** An orchestrated step's command handler: refused behind the step's lock, else carried out and answered. */
export function lockedStep(
  step: string,
  act: (ctx: HandlerContext, command: SagaCommand) => Promise<Outcome>,
  [ok, failed]: Replies,
): EventHandler {
  return async (ctx, event) => {
    const command = event.data as SagaCommand;
    const refused = await refusedByLock(ctx, step, command.order.orderId, event.type);
    if (refused) return refuse(ctx, command, event.type, refused);
    return reply(ctx, command, await act(ctx, command), ok, failed);
  };
}

/** An orchestrated compensation's handler: undoes, locks the step in the same transaction, answers. */
export function lockingCompensation<T extends object>(
  step: string,
  undo: (ctx: HandlerContext, command: SagaCommand) => Promise<Outcome<T>>,
  undid: (facts: T) => string[],
  [ok, failed]: Replies,
): EventHandler {
  return async (ctx, event) => {
    const command = event.data as SagaCommand;
    const outcome = await undo(ctx, command);
    if (outcome.ok)
      await lockAfterCompensation(ctx, {
        step,
        orderId: command.order.orderId,
        compensation: event.type,
        undid: undid(outcome.facts),
        saga: command.saga,
      });
    return reply(ctx, command, outcome, ok, failed);
  };
}
