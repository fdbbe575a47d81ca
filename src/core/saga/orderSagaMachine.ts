// The order saga as an XState v5 machine: run the steps forward; on a business
// failure (or a transient one that outlives its retries) compensate the
// completed steps in reverse; a compensation that keeps failing parks the
// saga as stuck until an operator retries, skips, or confirms it by hand.
//
// A timeout is an unknown outcome, not a failure: the step may have happened.
// A step whose retries run out by timeout is compensated too (its
// compensation is correct whether or not it ran), and a compensation that
// times out is sent again until it is answered. Past the pivot (the last step
// that can fail) the saga only goes forward: later steps are retried until
// they succeed and nothing is compensated. Replies that come too late, and a
// participant's refusal of a late command, are recorded in the history.
//
// Pure: time comes in on events, and sending commands is a named action the
// host provides, so the same machine runs in a worker and in a Node test.

import { and, assign, or, setup } from 'xstate';
import { backoff, mayRetry } from './retryPolicy';
import {
  compensationOf,
  currentCompensation,
  currentStep,
  detailOf,
  eventNow,
  isPastPivot,
  lateDetail,
  log,
  toCompensate,
  type SagaContext,
  type SagaEvent,
  type SagaInput,
} from './sagaContext';

export { compensationOf } from './sagaContext';
export type { HistoryEntry, HistoryKind, ReplyKind, SagaContext, SagaEvent, SagaInput } from './sagaContext';

export const orderSagaMachine = setup({
  types: { context: {} as SagaContext, events: {} as SagaEvent, input: {} as SagaInput },
  actions: {
    // Provided by the host: write the command for the current step / compensation to the outbox.
    issueStep: () => undefined,
    issueCompensation: () => undefined,
    armStep: assign(({ context, event }) => ({
      attempt: context.attempt + 1,
      timer: { due: eventNow(event, context) + context.stepTimeoutMs, kind: 'timeout' as const },
      history: log(
        context,
        eventNow(event, context),
        'command',
        currentStep(context),
        `${context.steps[context.index].command} (attempt ${context.attempt + 1})`,
      ),
    })),
    armCompensation: assign(({ context, event }) => ({
      attempt: context.attempt + 1,
      timer: { due: eventNow(event, context) + context.stepTimeoutMs, kind: 'timeout' as const },
      history: log(
        context,
        eventNow(event, context),
        'compensate',
        currentCompensation(context),
        `${compensationOf(context, currentCompensation(context))} (attempt ${context.attempt + 1})`,
      ),
    })),
    recordSuccess: assign(({ context, event }) => ({
      completed: [...context.completed, currentStep(context)],
      attempt: 0,
      timer: null,
      history: log(context, eventNow(event, context), 'succeeded', currentStep(context), detailOf(event)),
    })),
    advance: assign(({ context }) => ({ index: context.index + 1, uncertain: false })),
    recordFailure: assign(({ context, event }) => ({
      failure: event.type === 'step.failed' ? `${event.errorType}: ${event.message}` : context.failure,
      history: log(
        context,
        eventNow(event, context),
        'failed',
        event.type === 'step.failed' ? event.step : null,
        event.type === 'step.failed' ? `${event.errorType}: ${event.message}` : '',
      ),
    })),
    recordTimeout: assign(({ context, event }) => ({
      failure: `Timeout: no reply within ${context.stepTimeoutMs} ms`,
      uncertain: context.uncertain || context.pending.length === 0,
      history: log(
        context,
        eventNow(event, context),
        'timeout',
        context.pending[0] ?? currentStep(context),
        `no reply within ${context.stepTimeoutMs} ms`,
      ),
    })),
    scheduleRetry: assign(({ context, event }) => {
      const policy =
        context.pending.length || isPastPivot(context) ? context.compensationRetry : context.retry;
      const wait = backoff(policy, context.attempt);
      return { timer: { due: eventNow(event, context) + wait, kind: 'retry' as const } };
    }),
    logRetry: assign(({ context, event }) => ({
      history: log(
        context,
        eventNow(event, context),
        'retry',
        context.pending[0] ?? currentStep(context),
        `retrying after backoff`,
      ),
    })),
    startCompensating: assign(({ context, event }) => {
      const { pending, detail } = toCompensate(context, context.uncertain);
      return {
        pending,
        attempt: 0,
        timer: null,
        history: log(context, eventNow(event, context), 'compensate', null, detail),
      };
    }),
    // An operator's force while a command is out: that step may have happened, so it is undone too.
    startCompensatingForced: assign(({ context, event }) => {
      const { pending, detail } = toCompensate(context, true);
      return {
        pending,
        attempt: 0,
        timer: null,
        history: log(context, eventNow(event, context), 'compensate', null, `operator forced: ${detail}`),
      };
    }),
    refuseForcePastPivot: assign(({ context, event }) => ({
      history: log(
        context,
        eventNow(event, context),
        'failed',
        currentStep(context),
        'operator asked to compensate, but the pivot has succeeded: the saga only goes forward',
      ),
    })),
    recordLate: assign(({ context, event }) => ({
      history: log(
        context,
        eventNow(event, context),
        'late',
        'step' in event ? event.step : null,
        lateDetail(context, event),
      ),
    })),
    recordRefusal: assign(({ context, event }) => ({
      history: log(
        context,
        eventNow(event, context),
        'refused',
        'step' in event ? event.step : null,
        event.type === 'step.refused' ? event.detail : '',
      ),
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
      history: log(
        context,
        eventNow(event, context),
        'stuck',
        context.pending[0],
        `gave up after ${context.attempt} attempts`,
      ),
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
      history: log(
        context,
        eventNow(event, context),
        'skipped',
        context.pending[0],
        'operator skipped: the step stays done',
      ),
    })),
    forceCompensation: assign(({ context, event }) => ({
      compensated: [...context.compensated, context.pending[0]],
      pending: context.pending.slice(1),
      attempt: 0,
      stuckReason: null,
      history: log(
        context,
        eventNow(event, context),
        'forced',
        context.pending[0],
        'operator compensated by hand',
      ),
    })),
    clearTimer: assign({ timer: null }),
  },
  guards: {
    isCurrentStep: ({ context, event }) =>
      'step' in event &&
      event.step === currentStep(context) &&
      (!('kind' in event) || event.kind !== 'compensation'),
    isCurrentCompensation: ({ context, event }) =>
      'step' in event &&
      event.step === currentCompensation(context) &&
      (!('kind' in event) || event.kind !== 'step'),
    pastPivot: ({ context }) => isPastPivot(context),
    byTimeout: ({ event }) => event.type === 'timer.fired',
    isLastStep: ({ context }) => context.index === context.steps.length - 1,
    timerDue: ({ context, event }) =>
      context.timer !== null && 'now' in event && event.now >= context.timer.due,
    stepMayRetry: ({ context, event }) =>
      mayRetry(context.retry, event.type === 'step.failed' ? event.errorType : 'Timeout', context.attempt),
    compensationMayRetry: ({ context, event }) =>
      mayRetry(
        context.compensationRetry,
        event.type === 'step.failed' ? event.errorType : 'Timeout',
        context.attempt,
      ),
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
      uncertain: false,
      timer: null,
      failure: null,
      stuckReason: null,
      history: [{ at: now, step: null, kind: 'command', detail: `saga started for order ${input.orderId}` }],
    };
  },
  initial: 'running',
  // Whatever state the saga is in: a reply no state is waiting for is recorded as late; a refusal is recorded.
  on: {
    'step.succeeded': { actions: 'recordLate' },
    'step.failed': { actions: 'recordLate' },
    'step.refused': { actions: 'recordRefusal' },
  },
  states: {
    running: {
      initial: 'awaiting',
      on: {
        'saga.forceCompensation': [
          { guard: 'pastPivot', actions: 'refuseForcePastPivot' },
          { target: 'compensating', actions: 'startCompensatingForced' },
        ],
      },
      states: {
        awaiting: {
          entry: ['armStep', 'issueStep'],
          on: {
            'step.succeeded': [
              {
                guard: and(['isCurrentStep', 'isLastStep']),
                target: '#orderSaga.completed',
                actions: 'recordSuccess',
              },
              {
                guard: 'isCurrentStep',
                target: 'awaiting',
                reenter: true,
                actions: ['recordSuccess', 'advance'],
              },
            ],
            'step.failed': [
              { guard: 'isCurrentStep', target: 'backingOff', actions: 'recordFailure', reenter: true },
            ],
            'timer.fired': { guard: 'timerDue', target: 'backingOff', actions: 'recordTimeout' },
          },
        },
        backingOff: {
          // Past the pivot nothing is compensated: the step is retried until it succeeds.
          always: [
            { guard: or(['pastPivot', 'stepMayRetry']), actions: 'scheduleRetry', target: 'waiting' },
            { target: '#orderSaga.compensating', actions: 'startCompensating' },
          ],
        },
        waiting: {
          on: {
            'timer.fired': { guard: 'timerDue', target: 'awaiting', actions: 'logRetry' },
            // An earlier attempt's answer, come in while the saga waits to retry: the step is done all the same.
            // (Dropping it would send the step again, and under load the next answer might be late too.)
            'step.succeeded': [
              {
                guard: and(['isCurrentStep', 'isLastStep']),
                target: '#orderSaga.completed',
                actions: 'recordSuccess',
              },
              { guard: 'isCurrentStep', target: 'awaiting', actions: ['recordSuccess', 'advance'] },
            ],
          },
        },
      },
    },
    compensating: {
      initial: 'checking',
      states: {
        checking: {
          always: [
            { guard: ({ context }) => context.pending.length === 0, target: '#orderSaga.compensated' },
            { target: 'awaiting' },
          ],
        },
        awaiting: {
          entry: ['armCompensation', 'issueCompensation'],
          on: {
            'step.succeeded': {
              guard: 'isCurrentCompensation',
              target: 'checking',
              actions: 'recordCompensated',
            },
            'step.failed': { guard: 'isCurrentCompensation', target: 'backingOff', actions: 'recordFailure' },
            'timer.fired': { guard: 'timerDue', target: 'backingOff', actions: 'recordTimeout' },
          },
        },
        backingOff: {
          // A timed-out compensation is sent again, however often: its participant may be down, and undoing twice is a no-op.
          // Only compensations that answer "failed" run out of attempts and park the saga for an operator.
          always: [
            { guard: or(['byTimeout', 'compensationMayRetry']), actions: 'scheduleRetry', target: 'waiting' },
            { target: '#orderSaga.stuck', actions: 'park' },
          ],
        },
        waiting: {
          on: {
            'timer.fired': { guard: 'timerDue', target: 'awaiting', actions: 'logRetry' },
            // As for a step: an earlier attempt's answer that arrives during the backoff completes the compensation.
            'step.succeeded': {
              guard: 'isCurrentCompensation',
              target: 'checking',
              actions: 'recordCompensated',
            },
          },
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
    // Ended, but not final: a late reply or a refusal can still arrive, and is recorded.
    completed: { entry: 'clearTimer' },
    compensated: { entry: 'clearTimer' },
  },
});
