// The order saga's steps as data, in the seed's order. Each has a command a
// service runs and, where it can be undone, the command that undoes it.
// `createOrder` has already happened when the saga starts (the saga starts
// from OrderCreated); its compensation is cancelling the order.
//
// Each step has a role, as the saga literature names them: compensatable
// steps can be undone; the pivot is the last step that can fail — once it has
// succeeded the saga only goes forward; retriable steps come after the pivot
// and are retried until they succeed, never compensated.

import type { ServiceName } from '../rows';

export type StepRole = 'compensatable' | 'pivot' | 'retriable';

export interface SagaStep {
  name: string;
  service: ServiceName;
  command: string | null;
  /** Undoes the step; the pivot has one too, for when its own outcome is unknown (it timed out). */
  compensation: string | null;
  role: StepRole;
}

export const ORDER_SAGA_STEPS: SagaStep[] = [
  {
    name: 'createOrder',
    service: 'order',
    command: null,
    compensation: 'CancelOrder',
    role: 'compensatable',
  },
  {
    name: 'reserveInventory',
    service: 'inventory',
    command: 'ReserveInventory',
    compensation: 'ReleaseInventory',
    role: 'compensatable',
  },
  {
    name: 'processPayment',
    service: 'payment',
    command: 'ProcessPayment',
    compensation: 'RefundPayment',
    role: 'compensatable',
  },
  {
    name: 'scheduleShipping',
    service: 'shipping',
    command: 'ScheduleShipment',
    compensation: 'CancelShipment',
    role: 'pivot',
  },
  {
    name: 'completeOrder',
    service: 'order',
    command: 'CompleteOrder',
    compensation: null,
    role: 'retriable',
  },
];

/** Index of the pivot step (the last one that can fail); -1 if the saga has none. */
export function pivotIndex(steps: readonly SagaStep[]): number {
  return steps.findIndex((s) => s.role === 'pivot');
}
