// The record a broker writes to the dead-letter topic: the original event,
// with where it came from and why it kept failing.

import { makeEvent, type CloudEvent } from '../envelope';
import type { LogRow } from './brokerDb';

export interface DeadLetter {
  group: string;
  topic: string;
  partition: number;
  offset: number;
  failures: number;
  error: string;
  event: CloudEvent;
}

export function deadLetterEvent(
  record: LogRow,
  group: string,
  error: string,
  failures: number,
): CloudEvent<DeadLetter> {
  const original = record.event;
  return makeEvent<DeadLetter>({
    id: `${original.id}/dead-letter/${group}`,
    source: '/broker',
    type: `DeadLetter.${original.type}`,
    subject: original.subject,
    time: original.time,
    correlationid: original.correlationid,
    causationid: original.id,
    data: {
      group,
      topic: record.topic,
      partition: record.partition,
      offset: record.offset,
      failures,
      error,
      event: original,
    },
  });
}
