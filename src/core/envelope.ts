// The message envelope: CloudEvents 1.0 attribute names plus the
// correlationid / causationid extensions that let a trace link every message
// to the one that caused it. Pure data; no transport or storage here.

export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  /** The aggregate id: the broker partitions by it. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  data: T;
  correlationid: string;
  causationid: string;
}

/** A message as the broker stores and delivers it. */
export interface LogRecord {
  topic: string;
  partition: number;
  offset: number;
  event: CloudEvent;
  /** How many times this record has been handed to a consumer group (per delivery). */
  attempt?: number;
}

export function makeEvent<T>(fields: {
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  data: T;
  correlationid?: string;
  causationid?: string;
}): CloudEvent<T> {
  return {
    specversion: '1.0',
    datacontenttype: 'application/json',
    ...fields,
    // A message that starts a flow is its own correlation and cause.
    correlationid: fields.correlationid ?? fields.id,
    causationid: fields.causationid ?? fields.id,
  };
}
