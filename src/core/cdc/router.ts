// Where a change goes on the broker. Table changes go to `<service>.<table>`,
// keyed by primary key; inserts into `outbox` go through Debezium's outbox
// event router instead. Pure functions: no storage, transport or clock.

import { makeEvent, type CloudEvent } from '../envelope';
import type { OutgoingMessage } from '../broker/brokerPort';
import type { OutboxRow } from '../rows';
import type { ChangeEvent, ChangeRecord } from './changeEvent';

export const OUTBOX_TABLE = 'outbox';

/** An outgoing message plus the key it is partitioned by (also the event's subject). */
export interface CdcMessage extends OutgoingMessage {
  key: string;
}

export type Routed =
  { kind: 'message'; message: CdcMessage } | { kind: 'warning'; warning: string } | { kind: 'skip' };

export function routeChange(record: ChangeRecord): Routed {
  return record.value.source.table === OUTBOX_TABLE ? routeOutboxEvent(record) : routeTableChange(record);
}

export function keyString(key: unknown): string {
  return typeof key === 'string' ? key : JSON.stringify(key);
}

export function tableTopic(service: string, table: string): string {
  return `${service}.${table}`;
}

/**
 * `<service>.<table>:<seq>` names one change. Snapshot rows all carry the
 * snapshot's start sequence, so their id adds the row key to stay unique.
 */
export function changeMessageId(record: ChangeRecord): string {
  const { service, table, sequence } = record.value.source;
  const base = `${tableTopic(service, table)}:${sequence}`;
  return record.value.op === 'r' ? `${base}:snapshot:${keyString(record.key)}` : base;
}

export function routeTableChange(record: ChangeRecord): Routed {
  const { value } = record;
  const { service, table } = value.source;
  const key = keyString(record.key);
  const event: CloudEvent<ChangeEvent> = makeEvent({
    id: changeMessageId(record),
    source: `/services/${service}/cdc`,
    type: `${table}.${OP_NAMES[value.op]}`,
    subject: key,
    time: new Date(value.ts_ms).toISOString(),
    data: value,
  });
  return { kind: 'message', message: { topic: tableTopic(service, table), key, event } };
}

const OP_NAMES = { c: 'created', u: 'updated', d: 'deleted', r: 'read' } as const;

export function outboxTopic(aggregatetype: string): string {
  return `outbox.event.${aggregatetype}`;
}

/**
 * Debezium's outbox event router: an outbox insert becomes the event it
 * carries. Its id is the outbox row's id, so a republish is deduplicated by
 * the consumers' inbox. Outbox rows are append-only: an update is reported as
 * a warning (Debezium's default), a delete (housekeeping) is ignored.
 */
export function routeOutboxEvent(record: ChangeRecord): Routed {
  const { op, source } = record.value;
  if (op === 'd') return { kind: 'skip' };
  if (op === 'u') {
    return {
      kind: 'warning',
      warning: `outbox row ${keyString(record.key)} of ${source.service} was updated (sequence ${source.sequence}); outbox rows are append-only, the update is not routed`,
    };
  }
  // 'c', and 'r' from a snapshot: routed like an insert; its id lets the inbox drop an event the relay already sent.
  const row = record.value.after as unknown as OutboxRow;
  const event = makeEvent({
    id: row.id,
    source: `/services/${source.service}`,
    type: row.type,
    subject: row.aggregateid,
    time: new Date(row.created_at).toISOString(),
    data: row.payload,
    correlationid: row.correlationid,
    causationid: row.causationid,
  });
  return { kind: 'message', message: { topic: outboxTopic(row.aggregatetype), key: row.aggregateid, event } };
}
