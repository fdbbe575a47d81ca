// Drives one saga instance inside the orchestrator's transaction: restore the
// machine from the saga row's persisted snapshot, feed it one event, write the
// commands it issues to the outbox, and return the row to store — all in the
// same local transaction, so a crash can never separate them.

import { createActor, type SnapshotFrom } from 'xstate';
import type { HandlerContext } from '../service/definition';
import type { SagaRow } from '../rows';
import type { OrderFacts, SagaCommand, SagaRef } from '../services/sagaMessages';
import {
  compensationOf,
  orderSagaMachine,
  type SagaContext,
  type SagaEvent,
  type SagaInput,
} from './orderSagaMachine';

type Snapshot = SnapshotFrom<typeof orderSagaMachine>;

function stateName(value: Snapshot['value']): string {
  return typeof value === 'string'
    ? value
    : Object.entries(value).map(([k, v]) => `${k}.${stateName(v as Snapshot['value'])}`)[0];
}

function statusOf(snapshot: Snapshot): SagaRow['status'] {
  if (snapshot.matches('completed')) return 'COMPLETED';
  if (snapshot.matches('compensated')) return 'COMPENSATED';
  if (snapshot.matches('stuck')) return 'STUCK';
  if (snapshot.matches('compensating')) return 'COMPENSATING';
  return 'RUNNING';
}

function issue(ctx: HandlerContext, context: SagaContext, kind: SagaRef['kind']): void {
  const step =
    kind === 'step'
      ? context.steps[context.index]
      : context.steps.find((s) => s.name === context.pending[0])!;
  const type = kind === 'step' ? step.command! : compensationOf(context, step.name);
  const command: SagaCommand = {
    saga: { id: context.sagaId, step: step.name, kind },
    attempt: context.attempt,
    order: context.order as OrderFacts,
  };
  const service = step.service[0].toUpperCase() + step.service.slice(1);
  // Compensations travel on a lane of their own (`payment-compensations`), so a command stuck in its partition
  // cannot hold back the compensation that undoes it; the participant's semantic lock makes either order safe.
  ctx.emit(type, context.orderId, command, `${service}${kind === 'step' ? 'Command' : 'Compensation'}`);
}

function run(
  ctx: HandlerContext,
  options: { input: SagaInput; snapshot?: unknown },
  event?: SagaEvent,
): Snapshot {
  const machine = orderSagaMachine.provide({
    actions: {
      issueStep: ({ context }) => issue(ctx, context, 'step'),
      issueCompensation: ({ context }) => issue(ctx, context, 'compensation'),
    },
  });
  const actor = createActor(machine, {
    input: options.input,
    ...(options.snapshot ? { snapshot: options.snapshot as Snapshot } : {}),
  });
  actor.start();
  // A saga that has ended ignores late replies (a retried step answering twice, say).
  if (event && actor.getSnapshot().status === 'active') actor.send(event);
  const snapshot = actor.getSnapshot();
  const persisted = actor.getPersistedSnapshot();
  actor.stop();
  return Object.assign(snapshot, { persisted });
}

function toRow(snapshot: Snapshot & { persisted?: unknown }, created_at: number, now: number): SagaRow {
  const c = snapshot.context;
  const row: SagaRow = {
    id: c.sagaId,
    orderId: c.orderId,
    status: statusOf(snapshot),
    state: stateName(snapshot.value),
    step: c.pending[0] ?? (snapshot.matches('running') ? c.steps[c.index].name : null),
    completed: c.completed,
    compensated: c.compensated,
    skipped: c.skipped,
    pending: c.pending,
    failure: c.failure,
    stuckReason: c.stuckReason,
    history: c.history,
    snapshot: snapshot.persisted,
    created_at,
    updated_at: now,
  };
  if (c.timer) row.timer_due = c.timer.due;
  return row;
}

export function startSaga(ctx: HandlerContext, input: SagaInput): SagaRow {
  return toRow(run(ctx, { input }), ctx.now, ctx.now);
}

export function advanceSaga(ctx: HandlerContext, row: SagaRow, input: SagaInput, event: SagaEvent): SagaRow {
  return toRow(run(ctx, { input, snapshot: row.snapshot }, event), row.created_at, ctx.now);
}
