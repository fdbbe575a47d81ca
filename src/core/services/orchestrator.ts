// The orchestrator: one saga per order, each an XState machine whose persisted
// snapshot lives in the `sagas` table. It starts a saga on OrderCreated (when
// the scenario orchestrates), turns every reply into a machine event, fires due
// timers on the simulation clock, and takes an operator's retry, skip or force.

import type { HandlerContext, ServiceDefinition } from '../service/definition';
import type { SagaRow } from '../rows';
import { advanceSaga, startSaga } from '../saga/sagaRunner';
import { ORDER_SAGA_STEPS } from '../saga/steps';
import { DEFAULT_RETRY, UNTIL_DONE_RETRY } from '../saga/retryPolicy';
import type { SagaEvent, SagaInput } from '../saga/orderSagaMachine';
import type { OrderFacts, SagaRef } from './sagaMessages';

export const STEP_TIMEOUT_MS = 4000;

function inputFor(ctx: HandlerContext, order: OrderFacts): SagaInput {
  return {
    sagaId: `saga-${order.orderId}`,
    orderId: order.orderId,
    order,
    steps: ORDER_SAGA_STEPS,
    retry: DEFAULT_RETRY,
    compensationRetry: UNTIL_DONE_RETRY,
    stepTimeoutMs: STEP_TIMEOUT_MS,
    now: ctx.simNow,
  };
}

async function feed(ctx: HandlerContext, sagaId: string, event: SagaEvent): Promise<string> {
  const sagas = ctx.table<SagaRow>('sagas');
  const row = await sagas.get(sagaId);
  if (!row) return `no saga ${sagaId}`;
  const next = advanceSaga(ctx, row, inputFor(ctx, { orderId: row.orderId } as OrderFacts), event);
  await sagas.put(next);
  return `${event.type} → ${next.state}`;
}

/** A compensation's reply lists what it undid; an empty list means the step had never happened. */
function undidNothing(data: object): boolean {
  const undid = data as { refunded?: unknown; released?: unknown; cancelled?: unknown };
  const list = undid.refunded ?? undid.released ?? undid.cancelled;
  return Array.isArray(list) && list.length === 0;
}

/** Any reply carrying a saga reference is an outcome of the step it names. */
async function onReply(ctx: HandlerContext, event: { type: string; data: unknown }): Promise<string> {
  const data = event.data as { saga?: SagaRef; errorType?: string; message?: string; refused?: boolean };
  if (!data?.saga) return `ignored: ${event.type} is not a saga reply`;
  const { id, step, kind } = data.saga;
  const sagaEvent: SagaEvent = data.refused
    ? { type: 'step.refused', step, detail: `${event.type}: ${data.message ?? ''}`, now: ctx.simNow }
    : data.errorType
      ? {
          type: 'step.failed',
          step,
          kind,
          errorType: data.errorType,
          message: data.message ?? '',
          now: ctx.simNow,
        }
      : {
          type: 'step.succeeded',
          step,
          kind,
          detail: `${event.type}${undidNothing(data) ? ': nothing to undo, a recorded no-op' : ''}`,
          now: ctx.simNow,
        };
  return feed(ctx, id, sagaEvent);
}

const operator =
  (type: 'saga.retry' | 'saga.skip' | 'saga.forceCompensation') =>
  async (ctx: HandlerContext, input: unknown) =>
    feed(ctx, (input as { sagaId: string }).sagaId, { type, now: ctx.simNow });

export const orchestratorService: ServiceDefinition = {
  name: 'orchestrator',
  aggregateType: 'Saga',
  tables: { sagas: 'id, orderId, status, timer_due' },
  consumes: ['order-events', 'inventory-events', 'payment-events', 'shipping-events'],
  handlers: {
    async OrderCreated(ctx, event) {
      if (ctx.config.sagaStyle !== 'orchestration') return 'ignored: the services choreograph this saga';
      const sagas = ctx.table<SagaRow>('sagas');
      const order = event.data as OrderFacts;
      if (await sagas.get(`saga-${order.orderId}`)) return 'saga already started';
      const row = startSaga(ctx, inputFor(ctx, order));
      await sagas.add(row);
      return `saga ${row.id} started`;
    },
  },
  fallback: onReply,
  commands: {
    retrySaga: operator('saga.retry'),
    skipStep: operator('saga.skip'),
    forceCompensation: operator('saga.forceCompensation'),
  },
  tick: {
    intervalMs: 100,
    due: { table: 'sagas', index: 'timer_due' },
    async run(ctx) {
      const due = await ctx.table<SagaRow>('sagas').where('timer_due').belowOrEqual(ctx.simNow).toArray();
      for (const saga of due) await feed(ctx, saga.id, { type: 'timer.fired', now: ctx.simNow });
    },
  },
};
