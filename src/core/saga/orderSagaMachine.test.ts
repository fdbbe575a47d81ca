import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock, type SnapshotFrom } from 'xstate';
import { orderSagaMachine, compensationOf, type SagaContext, type SagaEvent } from './orderSagaMachine';
import { ORDER_SAGA_STEPS } from './steps';
import { DEFAULT_RETRY } from './retryPolicy';

const retry = {
  ...DEFAULT_RETRY,
  initialInterval: 100,
  backoffCoefficient: 2,
  maximumInterval: 1000,
  maximumAttempts: 3,
};

function harness(snapshot?: unknown) {
  const clock = new SimulatedClock();
  const sent: string[] = [];
  const machine = orderSagaMachine.provide({
    actions: {
      issueStep: ({ context }) => void sent.push(context.steps[context.index].command!),
      issueCompensation: ({ context }) => void sent.push(compensationOf(context, context.pending[0])),
    },
  });
  const input = {
    sagaId: 's1',
    orderId: 'o1',
    order: {},
    steps: ORDER_SAGA_STEPS,
    retry,
    compensationRetry: retry,
    stepTimeoutMs: 5000,
    now: 0,
  };
  // With a snapshot the input is ignored: the machine's context comes from the snapshot.
  const actor = createActor(machine, {
    input,
    ...(snapshot ? { snapshot: snapshot as SnapshotFrom<typeof machine> } : {}),
  });
  actor.start();
  const send = (event: SagaEvent extends infer E ? (E extends SagaEvent ? Omit<E, 'now'> : never) : never) =>
    actor.send({ ...event, now: clock.now() } as SagaEvent);
  const ctx = (): SagaContext => actor.getSnapshot().context;
  return { actor, clock, sent, send, ctx, state: () => actor.getSnapshot().value };
}

const ok = (step: string) => ({ type: 'step.succeeded' as const, step });
const undone = (step: string) => ({ type: 'step.succeeded' as const, step, kind: 'compensation' as const });
const fail = (step: string, errorType: string) => ({
  type: 'step.failed' as const,
  step,
  errorType,
  message: errorType,
});

describe('order saga machine', () => {
  it('runs every step in order and completes', () => {
    const h = harness();
    for (const step of ['reserveInventory', 'processPayment', 'scheduleShipping', 'completeOrder'])
      h.send(ok(step));
    expect(h.sent).toEqual(['ReserveInventory', 'ProcessPayment', 'ScheduleShipment', 'CompleteOrder']);
    expect(h.state()).toBe('completed');
    expect(h.ctx().timer).toBeNull();
  });

  it('on a business failure compensates the completed steps in reverse order', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    h.send(ok('processPayment'));
    h.send(fail('scheduleShipping', 'RegionNotServed'));
    expect(h.ctx().pending).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
    for (const step of ['processPayment', 'reserveInventory', 'createOrder']) h.send(ok(step));
    expect(h.sent.slice(3)).toEqual(['RefundPayment', 'ReleaseInventory', 'CancelOrder']);
    expect(h.state()).toBe('compensated');
    expect(h.ctx().compensated).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
  });

  it('ignores a reply for a step that is not under way (a late duplicate)', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    h.send(ok('reserveInventory'));
    expect(h.sent).toEqual(['ReserveInventory', 'ProcessPayment']);
  });

  it('retries a transient failure with exponential backoff on the clock, then compensates', () => {
    const h = harness();
    h.send(fail('reserveInventory', 'GatewayTimeout'));
    expect(h.ctx().timer).toEqual({ kind: 'retry', due: 100 });
    h.clock.increment(99);
    h.send({ type: 'timer.fired' });
    expect(h.sent).toEqual(['ReserveInventory']); // not due yet
    h.clock.increment(1);
    h.send({ type: 'timer.fired' });
    expect(h.sent).toEqual(['ReserveInventory', 'ReserveInventory']);
    h.send(fail('reserveInventory', 'GatewayTimeout'));
    expect(h.ctx().timer).toEqual({ kind: 'retry', due: 300 }); // 100 · 2
    h.clock.increment(200);
    h.send({ type: 'timer.fired' });
    h.send(fail('reserveInventory', 'GatewayTimeout')); // third attempt of three
    expect(h.state()).toEqual({ compensating: 'awaiting' });
    expect(h.sent.at(-1)).toBe('CancelOrder');
  });

  it('times a step out when no reply comes, and treats the timeout as a retryable failure', () => {
    const h = harness();
    h.clock.increment(5000);
    h.send({ type: 'timer.fired' });
    expect(h.ctx().history.some((e) => e.kind === 'timeout')).toBe(true);
    h.clock.increment(100);
    h.send({ type: 'timer.fired' });
    expect(h.sent).toEqual(['ReserveInventory', 'ReserveInventory']);
  });

  it('parks a saga whose compensation keeps failing, and lets an operator retry, skip or force', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    h.send(fail('processPayment', 'CardDeclined'));
    for (let i = 0; i < 3; i++) {
      h.send(fail('reserveInventory', 'WarehouseOffline'));
      h.clock.increment(1000);
      h.send({ type: 'timer.fired' });
    }
    expect(h.state()).toBe('stuck');
    expect(h.ctx().stuckReason).toContain('ReleaseInventory failed 3 times');

    h.send({ type: 'saga.retry' });
    expect(h.state()).toEqual({ compensating: 'awaiting' });
    expect(h.sent.at(-1)).toBe('ReleaseInventory');
    for (let i = 0; i < 3; i++) {
      h.send(fail('reserveInventory', 'WarehouseOffline'));
      h.clock.increment(1000);
      h.send({ type: 'timer.fired' });
    }
    h.send({ type: 'saga.skip' });
    expect(h.ctx().skipped).toEqual(['reserveInventory']);
    h.send(ok('createOrder'));
    expect(h.state()).toBe('compensated');
  });

  it('continues from a persisted snapshot exactly where it stopped', () => {
    const first = harness();
    first.send(ok('reserveInventory'));
    const persisted = JSON.parse(JSON.stringify(first.actor.getPersistedSnapshot()));
    first.actor.stop();

    const second = harness(persisted);
    expect(second.state()).toEqual({ running: 'awaiting' });
    expect(second.sent).toEqual([]); // restoring does not send the command again
    second.send(ok('processPayment'));
    expect(second.sent).toEqual(['ScheduleShipment']);
    expect(second.ctx().completed).toEqual(['createOrder', 'reserveInventory', 'processPayment']);
  });

  /** Lets every attempt of the step under way time out: each timeout, then its backoff. */
  function timeOutEveryAttempt(h: ReturnType<typeof harness>, attempts: number) {
    for (let i = 0; i < attempts; i++) {
      h.clock.increment(5000);
      h.send({ type: 'timer.fired' });
      if (h.ctx().timer?.kind === 'retry') {
        h.clock.increment(h.ctx().timer!.due - h.clock.now());
        h.send({ type: 'timer.fired' });
      }
    }
  }

  it('compensates a step whose retries ran out by timeout: its outcome is unknown', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    timeOutEveryAttempt(h, 3);
    expect(h.sent).toEqual([
      'ReserveInventory',
      'ProcessPayment',
      'ProcessPayment',
      'ProcessPayment',
      'RefundPayment',
    ]);
    expect(h.ctx().pending).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
    expect(h.ctx().history.find((e) => e.kind === 'compensate')?.detail).toContain(
      "processPayment's outcome is unknown",
    );
    for (const step of ['processPayment', 'reserveInventory', 'createOrder']) h.send(undone(step));
    expect(h.state()).toBe('compensated');
  });

  it('leaves a step that answered "failed" out of the compensation: it did not happen', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    h.send(fail('processPayment', 'CardDeclined'));
    expect(h.ctx().pending).toEqual(['reserveInventory', 'createOrder']);
  });

  it('sends a timed-out compensation again until it is answered, without parking the saga', () => {
    const h = harness();
    h.send(fail('reserveInventory', 'OutOfStock'));
    expect(h.sent.at(-1)).toBe('CancelOrder');
    timeOutEveryAttempt(h, 10);
    expect(h.state()).toEqual({ compensating: 'awaiting' });
    expect(h.sent.filter((c) => c === 'CancelOrder')).toHaveLength(11);
    h.send(undone('createOrder'));
    expect(h.state()).toBe('compensated');
  });

  it("does not take an action's late success for its compensation", () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    timeOutEveryAttempt(h, 3);
    expect(h.ctx().pending[0]).toBe('processPayment');
    h.send({ type: 'step.succeeded', step: 'processPayment', kind: 'step', detail: 'PaymentCompleted' });
    expect(h.ctx().pending[0]).toBe('processPayment');
    expect(h.ctx().history.at(-1)).toMatchObject({ kind: 'late', step: 'processPayment' });
    expect(h.ctx().history.at(-1)!.detail).toContain('its compensation undoes whatever it did');
  });

  it('records a refusal of a late command, even after the saga has ended', () => {
    const h = harness();
    h.send(fail('reserveInventory', 'OutOfStock'));
    h.send(undone('createOrder'));
    expect(h.state()).toBe('compensated');
    h.send({
      type: 'step.refused',
      step: 'reserveInventory',
      detail: 'ReserveInventoryRefused: semantic lock',
    });
    expect(h.state()).toBe('compensated');
    expect(h.ctx().history.at(-1)).toMatchObject({
      kind: 'refused',
      step: 'reserveInventory',
      detail: 'ReserveInventoryRefused: semantic lock',
    });
  });

  it('past the pivot only goes forward: the last step is retried on every timeout and failure, never compensated', () => {
    const h = harness();
    for (const step of ['reserveInventory', 'processPayment', 'scheduleShipping']) h.send(ok(step));
    timeOutEveryAttempt(h, 6);
    h.send(fail('completeOrder', 'OrderServiceUnavailable'));
    expect(h.ctx().pending).toEqual([]);
    expect(h.state()).toEqual({ running: 'waiting' });
    h.send({ type: 'saga.forceCompensation' });
    expect(h.ctx().pending).toEqual([]);
    expect(h.ctx().history.at(-1)!.detail).toContain('the pivot has succeeded');
    h.clock.increment(1000);
    h.send({ type: 'timer.fired' });
    h.send(ok('completeOrder'));
    expect(h.state()).toBe('completed');
    expect(h.sent.filter((c) => c === 'CompleteOrder').length).toBeGreaterThan(6);
    expect(
      h.sent.some((c) => ['CancelShipment', 'RefundPayment', 'ReleaseInventory', 'CancelOrder'].includes(c)),
    ).toBe(false);
  });

  it("takes an earlier attempt's answer that arrives during the backoff, for a step and for a compensation", () => {
    const h = harness();
    h.clock.increment(5000);
    h.send({ type: 'timer.fired' }); // reserveInventory's first attempt times out: backing off
    expect(h.state()).toEqual({ running: 'waiting' });
    h.send(ok('reserveInventory'));
    expect(h.ctx().completed).toContain('reserveInventory');
    expect(h.sent).toEqual(['ReserveInventory', 'ProcessPayment']);
    h.send(fail('processPayment', 'CardDeclined'));
    h.clock.increment(5000);
    h.send({ type: 'timer.fired' }); // ReleaseInventory times out: backing off
    expect(h.state()).toEqual({ compensating: 'waiting' });
    h.send(undone('reserveInventory'));
    expect(h.ctx().compensated).toEqual(['reserveInventory']);
    expect(h.sent.at(-1)).toBe('CancelOrder');
  });

  it('compensates the pivot itself when it timed out: the shipment may have been scheduled', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    h.send(ok('processPayment'));
    timeOutEveryAttempt(h, 3);
    expect(h.ctx().pending).toEqual([
      'scheduleShipping',
      'processPayment',
      'reserveInventory',
      'createOrder',
    ]);
    expect(h.sent.at(-1)).toBe('CancelShipment');
  });

  it('an operator forcing compensation while a command is out undoes that step too', () => {
    const h = harness();
    h.send(ok('reserveInventory'));
    h.send({ type: 'saga.forceCompensation' });
    expect(h.ctx().pending).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
  });
});
