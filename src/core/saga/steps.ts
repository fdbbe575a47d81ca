// The order saga's steps as data, in the seed's order. Each has a command a
// service runs and, where it can be undone, the command that undoes it.
// `createOrder` has already happened when the saga starts (the saga starts
// from OrderCreated); its compensation is cancelling the order.

import type { ServiceName } from '../rows';

export interface SagaStep {
  name: string;
  service: ServiceName;
  command: string | null;
  compensation: string | null;
}

export const ORDER_SAGA_STEPS: SagaStep[] = [
  { name: 'createOrder', service: 'order', command: null, compensation: 'CancelOrder' },
  { name: 'reserveInventory', service: 'inventory', command: 'ReserveInventory', compensation: 'ReleaseInventory' },
  { name: 'processPayment', service: 'payment', command: 'ProcessPayment', compensation: 'RefundPayment' },
  { name: 'scheduleShipping', service: 'shipping', command: 'ScheduleShipment', compensation: 'CancelShipment' },
  { name: 'completeOrder', service: 'order', command: 'CompleteOrder', compensation: null },
];
