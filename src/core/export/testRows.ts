// Log and inbox rows for the export tests: one choreographed order, as the
// broker and the services store it. Test data only.

import type { LogRow } from '../broker/brokerDb';
import { makeEvent } from '../envelope';
import type { InboxEntry } from './timeline';

export function logRow(fields: {
  id: string;
  type: string;
  service: string;
  at: number;
  causationid?: string;
  topic?: string;
  partition?: number;
  offset?: number;
  source?: string;
}): LogRow {
  return {
    topic: fields.topic ?? 'orders',
    partition: fields.partition ?? 0,
    offset: fields.offset ?? 0,
    appended_at: fields.at,
    event: makeEvent({
      id: fields.id,
      source: fields.source ?? `/services/${fields.service}`,
      type: fields.type,
      subject: 'o-1',
      time: new Date(fields.at).toISOString(),
      data: { orderId: 'o-1' },
      correlationid: 'e-1',
      causationid: fields.causationid,
    }),
  };
}

/** OrderCreated → InventoryReserved → PaymentCompleted, every step at simulation time 0 as in a deterministic run. */
export function oneOrder(at = 0): { records: LogRow[]; inboxes: Record<string, InboxEntry[]> } {
  return {
    records: [
      logRow({ id: 'e-1', type: 'OrderCreated', service: 'order', at, topic: 'orders', offset: 0 }),
      logRow({
        id: 'e-2',
        type: 'InventoryReserved',
        service: 'inventory',
        at,
        causationid: 'e-1',
        topic: 'inventory',
        offset: 0,
      }),
      logRow({
        id: 'e-3',
        type: 'PaymentCompleted',
        service: 'payment',
        at,
        causationid: 'e-2',
        topic: 'payments',
        offset: 0,
      }),
    ],
    inboxes: {
      order: [{ message_id: 'e-3', type: 'PaymentCompleted', processed_at: at }],
      payment: [{ message_id: 'e-2', type: 'InventoryReserved', processed_at: at }],
      inventory: [{ message_id: 'e-1', type: 'OrderCreated', processed_at: at }],
      shipping: [],
    },
  };
}
