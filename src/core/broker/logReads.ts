// Reading a partition's records for a consumer group: the range read (marked
// on the cursor so two reads of one partition never overlap), the records as
// the wire carries them, and which partitions have anything to hand over.

import type { LogRecord } from '../envelope';
import type { BrokerDb, LogRow } from './brokerDb';
import { readRange as readStoredRange } from './logStore';
import type { ConsumerGroup, PartitionCursor } from './groups';
import type { DeliverableCursor } from './brokerOperations';

export type { DeliverableCursor } from './brokerOperations';

/** `cached`: the writer's in-memory tail, when it holds the whole range (a read right after the write). */
export async function readRange(
  db: BrokerDb,
  cursor: PartitionCursor,
  from: number,
  upto: number,
  cached?: LogRow[],
): Promise<LogRow[]> {
  if (cached) return cached;
  cursor.reading = true;
  try {
    return await readStoredRange(db, cursor.topic, cursor.partition, from, upto);
  } finally {
    cursor.reading = false;
  }
}

/** `attempt(row)`: how many times this record has now been handed over (1 = first delivery). */
export function toRecords(rows: LogRow[], attempt: (row: LogRow) => number): LogRecord[] {
  return rows.map((r) => ({
    topic: r.topic,
    partition: r.partition,
    offset: r.offset,
    event: r.event,
    attempt: attempt(r),
  }));
}

/** Deterministic runs: every partition with records past its cursor and a member to take them. */
export function deliverableCursors(
  groups: Iterable<ConsumerGroup>,
  endOf: (topic: string, partition: number) => number,
): DeliverableCursor[] {
  const found: DeliverableCursor[] = [];
  for (const group of groups)
    for (const cursor of group.cursors.values()) {
      const available = endOf(cursor.topic, cursor.partition) - cursor.next;
      if (available > 0 && cursor.member)
        found.push({
          group: group.name,
          member: cursor.member,
          topic: cursor.topic,
          partition: cursor.partition,
          available,
          blockedUntil: cursor.blockedUntil,
        });
    }
  return found;
}
