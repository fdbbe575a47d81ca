// An outbox row as a service's database holds it after its insert (the relay
// never writes it again), for tests that seed outboxes by hand.

import type { OutboxRow } from '../core/rows';

export function outboxRow(id: string, extra: Partial<OutboxRow> = {}): OutboxRow {
  return {
    id,
    aggregatetype: 'Order',
    aggregateid: id,
    type: 'OrderCreated',
    payload: {},
    correlationid: id,
    causationid: id,
    created_at: 0,
    published_at: null,
    ...extra,
  };
}
