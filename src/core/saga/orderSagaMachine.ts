// The order saga as an XState v5 machine: run the steps forward; on a business
// failure (or a transient one that outlives its retries) compensate the
// completed steps in reverse; a compensation that keeps failing parks the
// saga as stuck until an operator retries, skips, or confirms it by hand.
// Pure: time comes in on events, and sending commands is a named action the
// host provides, so the same machine runs in a worker and in a Node test.

import { and, assign, setup } from 'xstate';
import { backoff, mayRetry, type RetryPolicy } from './retryPolicy';
import type { SagaStep } from './steps';

export interface SagaInput {
  sagaId: string;
  orderId: string;
  order: unknown;
  steps: SagaStep[];
  retry: RetryPolicy;
  compensationRetry: RetryPolicy;
  stepTimeoutMs: number;
  now: number;
}

export type HistoryKind = 'command' | 'succeeded' | 'failed' | 'timeout' | 'retry' | 'compensate' | 'compensated' | 'stuck' | 'skipped' | 'forced' | 'done';

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
  timer: { due: number; kind: 'timeout' | 'retry' } | null;
  failure: string | null;
  stuckReason: string | null;
  history: HistoryEntry[];
}

export type SagaEvent =
  | { type: 'step.succeeded'; step: string; now: number; detail?: string }
  | { type: 'step.failed'; step: string; errorType: string; message: string; now: number }
  | { type: 'timer.fired'; now: number }
  | { type: 'saga.retry'; now: number }
  | { type: 'saga.skip'; now: number }
  | { type: 'saga.forceCompensation'; now: number };

const log = (ctx: SagaContext, now: number, kind: HistoryKind, step: string | null, detail: string): HistoryEntry[] => [...ctx.history, { at: now, step, kind, detail }];
const currentStep = (ctx: SagaContext) => ctx.steps[ctx.index].name;
const currentCompensation = (ctx: SagaContext) => ctx.pending[0];
const reverseCompensable = (ctx: SagaContext, completed: string[]) =>
  [...completed].reverse().filter((name) => ctx.steps.find((s) => s.name === name)?.compensation);

function eventNow(event: SagaEvent | { type: string }, context: SagaContext): number {
  return 'now' in event && typeof event.now === 'number' ? event.now : context.history[context.history.length - 1].at;
}

function detailOf(event: SagaEvent): string {
  return event.type === 'step.succeeded' ? (event.detail ?? 'ok') : '';
}

export function compensationOf(context: Pick<SagaContext, 'steps'>, step: string): string {
  return context.steps.find((s) => s.name === step)?.compensation ?? '';
}

export const orderSagaMachine = setup({
  types: { context: {} as SagaContext, events: {} as SagaEvent, input: {} as SagaInput },
  actions: {
    // Provided by the host: write the command for the current step / compensation to the outbox.
    issueStep: () => undefined,
    issueCompensation: () => undefined,
    armStep: assign(({ context, event }) => ({
      attempt: context.attempt + 1,
      timer: { due: eventNow(event, context) + context.stepTimeoutMs, kind: 'timeout' as const },
      history: log(context, eventNow(event, context), 'command', currentStep(context), `${context.steps[context.index].command} (attempt ${context.attempt + 1})`),
    })),
    armCompensation: assign(({ context, event }) => ({
      attempt: context.attempt + 1,
      timer: { due: eventNow(event, context) + context.stepTimeoutMs, kind: 'timeout' as const },
      history: log(context, eventNow(event, context), 'compensate', currentCompensation(context), `${compensationOf(context, currentCompensation(context))} (attempt ${context.attempt + 1})`),
    })),
    recordSuccess: assign(({ context, event }) => ({
      completed: [...context.completed, currentStep(context)],
      attempt: 0,
      timer: null,
      history: log(context, eventNow(event, context), 'succeeded', currentStep(context), detailOf(event)),
    })),
    advance: assign(({ context }) => ({ index: context.index + 1 })),
    recordFailure: assign(({ context, event }) => ({
      failure: event.type === 'step.failed' ? `${event.errorType}: ${event.message}` : context.failure,
      history: log(context, eventNow(event, context), 'failed', event.type === 'step.failed' ? event.step : null, event.type === 'step.failed' ? `${event.errorType}: ${event.message}` : ''),
    })),
    recordTimeout: assign(({ context, event }) => ({
      failure: `Timeout: no reply within ${context.stepTimeoutMs} ms`,
      history: log(context, eventNow(event, context), 'timeout', context.pending[0] ?? currentStep(context), `no reply within ${context.stepTimeoutMs} ms`),
    })),
    scheduleRetry: assign(({ context, event }) => {
      const policy = context.pending.length ? context.compensationRetry : context.retry;
      const wait = backoff(policy, context.attempt);
      return { timer: { due: eventNow(event, context) + wait, kind: 'retry' as const } };
    }),
    logRetry: assign(({ context, event }) => ({
      history: log(context, eventNow(event, context), 'retry', context.pending[0] ?? currentStep(context), `retrying after backoff`),
    })),
    startCompensating: assign(({ context, event }) => ({
      pending: reverseCompensable(context, context.completed),
      attempt: 0,
      timer: null,
      history: log(context, eventNow(event, context), 'compensate', null, `compensating ${reverseCompensable(context, context.completed).join(' → ') || 'nothing'}`),
    })),
    recordCompensated: assign(({ context, event }) => ({
      compensated: [...context.compensated, context.pending[0]],
      pending: context.pending.slice(1),
      attempt: 0,
      timer: null,
      history: log(context, eventNow(event, context), 'compensated', context.pending[0], detailOf(event)),
    })),
    park: assign(({ context, event }) => ({
      timer: null,
      stuckReason: `${compensationOf(context, context.pending[0])} failed ${context.attempt} times: ${context.failure}`,
      history: log(context, eventNow(event, context), 'stuck', context.pending[0], `gave up after ${context.attempt} attempts`),
    })),
    unpark: assign(({ context, event }) => ({
      attempt: 0,
      stuckReason: null,
      history: log(context, eventNow(event, context), 'retry', context.pending[0], 'operator retried'),
    })),
    skipCompensation: assign(({ context, event }) => ({
      skipped: [...context.skipped, context.pending[0]],
      pending: context.pending.slice(1),
      attempt: 0,
      stuckReason: null,
      history: log(context, eventNow(event, context), 'skipped', context.pending[0], 'operator skipped: the step stays done'),
    })),
    forceCompensation: assign(({ context, event }) => ({
      compensated: [...context.compensated, context.pending[0]],
      pending: context.pending.slice(1),
      attempt: 0,
      stuckReason: null,
      history: log(context, eventNow(event, context), 'forced', context.pending[0], 'operator compensated by hand'),
    })),
    clearTimer: assign({ timer: null }),
  },
  guards: {
    isCurrentStep: ({ context, event }) => 'step' in event && event.step === currentStep(context),
    isCurrentCompensation: ({ context, event }) => 'step' in event && event.step === currentCompensation(context),
    isLastStep: ({ context }) => context.index === context.steps.length - 1,
    timerDue: ({ context, event }) => context.timer !== null && 'now' in event && event.now >= context.timer.due,
    stepMayRetry: ({ context, event }) =>
      mayRetry(context.retry, event.type === 'step.failed' ? event.errorType : 'Timeout', context.attempt),
    compensationMayRetry: ({ context, event }) =>
      mayRetry(context.compensationRetry, event.type === 'step.failed' ? event.errorType : 'Timeout', context.attempt),
  },
}).createMachine({
  id: 'orderSaga',
  context: ({ input }) => {
    const { now, ...rest } = input;
    const first = rest.steps.findIndex((s) => s.command !== null);
    return {
      ...rest,
      index: first,
      completed: rest.steps.slice(0, first).map((s) => s.name),
      pending: [],
      compensated: [],
      skipped: [],
      attempt: 0,
      timer: null,
      failure: null,
      stuckReason: null,
      history: [{ at: now, step: null, kind: 'command', detail: `saga started for order ${input.orderId}` }],
    };
  },
  initial: 'running',
  states: {
    running: {
      initial: 'awaiting',
      on: {
        'saga.forceCompensation': { target: 'compensating', actions: 'startCompensating' },
      },
      states: {
        awaiting: {
          entry: ['armStep', 'issueStep'],
          on: {
            'step.succeeded': [
              { guard: and(['isCurrentStep', 'isLastStep']), target: '#orderSaga.completed', actions: 'recordSuccess' },
              { guard: 'isCurrentStep', target: 'awaiting', reenter: true, actions: ['recordSuccess', 'advance'] },
            ],
            'step.failed': [
              { guard: 'isCurrentStep', target: 'backingOff', actions: 'recordFailure', reenter: true },
            ],
            'timer.fired': { guard: 'timerDue', target: 'backingOff', actions: 'recordTimeout' },
          },
        },
        backingOff: {
          always: [{ guard: 'stepMayRetry', actions: 'scheduleRetry', target: 'waiting' }, { target: '#orderSaga.compensating', actions: 'startCompensating' }],
        },
        waiting: {
          on: { 'timer.fired': { guard: 'timerDue', target: 'awaiting', actions: 'logRetry' } },
        },
      },
    },
    compensating: {
      initial: 'checking',
      states: {
        checking: {
          always: [{ guard: ({ context }) => context.pending.length === 0, target: '#orderSaga.compensated' }, { target: 'awaiting' }],
        },
        awaiting: {
          entry: ['armCompensation', 'issueCompensation'],
          on: {
            'step.succeeded': { guard: 'isCurrentCompensation', target: 'checking', actions: 'recordCompensated' },
            'step.failed': { guard: 'isCurrentCompensation', target: 'backingOff', actions: 'recordFailure' },
            'timer.fired': { guard: 'timerDue', target: 'backingOff', actions: 'recordTimeout' },
          },
        },
        backingOff: {
          always: [{ guard: 'compensationMayRetry', actions: 'scheduleRetry', target: 'waiting' }, { target: '#orderSaga.stuck', actions: 'park' }],
        },
        waiting: {
          on: { 'timer.fired': { guard: 'timerDue', target: 'awaiting', actions: 'logRetry' } },
        },
      },
    },
    stuck: {
      on: {
        'saga.retry': { target: 'compensating.awaiting', actions: 'unpark' },
        'saga.skip': { target: 'compensating.checking', actions: 'skipCompensation' },
        'saga.forceCompensation': { target: 'compensating.checking', actions: 'forceCompensation' },
      },
    },
    completed: { type: 'final', entry: 'clearTimer' },
    compensated: { type: 'final', entry: 'clearTimer' },
  },
});

