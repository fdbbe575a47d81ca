// What a fault can aim at: the services of this run, and the message types
// each consumer group handles (the handlers of src/core/services). The types
// are suggestions: the field stays free text, so one this list misses can
// still be named.

import { SERVICE_NAMES, type ServiceName } from '../../core/rows';
import type { ProcessName } from '../../core/telemetry';

/** The run's services (the broker is a process, not a service); the shop's four before the run reports. */
export function targetServices(processNames: readonly ProcessName[]): ServiceName[] {
  const present = SERVICE_NAMES.filter((s) => processNames.includes(s));
  return present.length ? present : SERVICE_NAMES.filter((s) => s !== 'orchestrator');
}

/** Choreography events first, then the orchestrator's commands. */
export const KNOWN_TYPES: Record<ServiceName, string[]> = {
  order: ['ShipmentScheduled', 'PaymentFailed', 'PaymentRefunded', 'CompleteOrder', 'CancelOrder'],
  payment: [
    'OrderCreated',
    'InventoryReservationFailed',
    'InventoryReleased',
    'ProcessPayment',
    'RefundPayment',
  ],
  inventory: ['PaymentCompleted', 'ShipmentFailed', 'ReserveInventory', 'ReleaseInventory'],
  shipping: ['InventoryReserved', 'ScheduleShipment', 'CancelShipment'],
  // The orchestrator hears every reply of the saga's steps.
  orchestrator: [
    'OrderCreated',
    'PaymentCompleted',
    'PaymentFailed',
    'PaymentRefunded',
    'InventoryReserved',
    'InventoryReservationFailed',
    'InventoryReleased',
    'ShipmentScheduled',
    'ShipmentFailed',
    'ShipmentCancelled',
    'OrderCompleted',
    'OrderCancelled',
  ],
};
