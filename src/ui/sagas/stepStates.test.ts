import { describe, expect, it } from 'vitest';
import type { SagaView } from '../../core/saga/sagaView';
import { compensationChain, stepStates, stepsFor } from './stepStates';

function view(patch: Partial<SagaView>): SagaView {
  return {
    id: 'saga-o-1',
    orderId: 'o-1',
    style: 'orchestration',
    status: 'RUNNING',
    state: 'running.awaiting',
    step: null,
    completed: ['createOrder'],
    compensated: [],
    skipped: [],
    pending: [],
    failure: null,
    stuckReason: null,
    history: [],
    ...patch,
  };
}

const marks = (v: SagaView) => stepStates(v).map((s) => [s.step.name, s.mark]);
const chain = (v: SagaView) => compensationChain(v).map((c) => [c.step.compensation, c.mark]);

describe('stepStates', () => {
  it('marks a timed-out step as unknown, owes its compensation first, and draws no failed step after it', () => {
    const v = view({
      status: 'COMPENSATING',
      state: 'compensating.awaiting',
      completed: ['createOrder', 'reserveInventory'],
      pending: ['processPayment', 'reserveInventory', 'createOrder'],
      failure: 'Timeout: no reply within 4000 ms',
    });
    expect(marks(v)).toEqual([
      ['createOrder', 'done'],
      ['reserveInventory', 'done'],
      ['processPayment', 'unknown'],
      ['scheduleShipping', 'not-reached'],
      ['completeOrder', 'not-reached'],
    ]);
    expect(chain(v)).toEqual([
      ['RefundPayment', 'running'],
      ['ReleaseInventory', 'waiting'],
      ['CancelOrder', 'waiting'],
    ]);
  });

  it('marks done steps, the current one, and the rest not reached', () => {
    const v = view({ step: 'processPayment', completed: ['createOrder', 'reserveInventory'] });
    expect(marks(v)).toEqual([
      ['createOrder', 'done'],
      ['reserveInventory', 'done'],
      ['processPayment', 'current'],
      ['scheduleShipping', 'not-reached'],
      ['completeOrder', 'not-reached'],
    ]);
    expect(compensationChain(v)).toEqual([]);
  });

  it('marks every step done for a completed saga, even choreographed (no completeOrder event)', () => {
    const v = view({
      style: 'choreography',
      status: 'COMPLETED',
      completed: ['createOrder', 'processPayment', 'reserveInventory', 'scheduleShipping'],
    });
    expect(stepStates(v).every((s) => s.mark === 'done')).toBe(true);
    expect(stepStates(v).map((s) => s.step.name)).toEqual(stepsFor('choreography').map((s) => s.name));
  });

  it('while compensating: the failed step, the undone ones, and the chain in reverse with the one under way', () => {
    const v = view({
      status: 'COMPENSATING',
      state: 'compensating.awaiting',
      step: 'reserveInventory',
      completed: ['createOrder', 'reserveInventory', 'processPayment'],
      compensated: ['processPayment'],
      pending: ['reserveInventory', 'createOrder'],
      failure: 'RegionNotServed: we do not ship to MOON',
    });
    expect(marks(v)).toEqual([
      ['createOrder', 'done'],
      ['reserveInventory', 'done'],
      ['processPayment', 'compensated'],
      ['scheduleShipping', 'failed'],
      ['completeOrder', 'not-reached'],
    ]);
    expect(chain(v)).toEqual([
      ['RefundPayment', 'done'],
      ['ReleaseInventory', 'running'],
      ['CancelOrder', 'waiting'],
    ]);
  });

  it('shows a stuck compensation as stuck, and a skipped one as kept', () => {
    const stuck = view({
      status: 'STUCK',
      state: 'stuck',
      completed: ['createOrder', 'reserveInventory', 'processPayment'],
      compensated: ['processPayment'],
      pending: ['reserveInventory', 'createOrder'],
      failure: 'Timeout',
    });
    expect(chain(stuck)[1]).toEqual(['ReleaseInventory', 'stuck']);
    const skipped = view({
      status: 'COMPENSATED',
      state: 'compensated',
      completed: ['createOrder', 'reserveInventory', 'processPayment'],
      compensated: ['processPayment', 'createOrder'],
      skipped: ['reserveInventory'],
      failure: 'RegionNotServed',
    });
    expect(marks(skipped)[1]).toEqual(['reserveInventory', 'skipped']);
    expect(chain(skipped)).toEqual([
      ['RefundPayment', 'done'],
      ['ReleaseInventory', 'skipped'],
      ['CancelOrder', 'done'],
    ]);
  });

  it('reads a choreographed failure in the choreography order (payment before inventory)', () => {
    const v = view({
      style: 'choreography',
      status: 'COMPENSATED',
      state: 'CANCELLED',
      completed: ['createOrder', 'processPayment'],
      compensated: ['processPayment', 'createOrder'],
      failure: 'out of stock: SKU-LAMP',
    });
    expect(marks(v).slice(0, 3)).toEqual([
      ['createOrder', 'compensated'],
      ['processPayment', 'compensated'],
      ['reserveInventory', 'failed'],
    ]);
    expect(chain(v)).toEqual([
      ['RefundPayment', 'done'],
      ['CancelOrder', 'done'],
    ]);
  });

  it('a choreographed saga still running marks the next step current', () => {
    const v = view({ style: 'choreography', state: 'PENDING', completed: ['createOrder', 'processPayment'] });
    expect(marks(v)[2]).toEqual(['reserveInventory', 'current']);
  });
});
