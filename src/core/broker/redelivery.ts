// Acknowledgements and what follows a failure: an ack moves a group's
// committed offset (durably); a nack counts the record's failures, holds its
// partition for a backoff and hands it over again — until it has failed
// `maxAttempts` times and goes to the dead-letter topic. Failure counts are
// stored, so a restarted broker keeps counting where it was.

import { cursorOf, storeCommitted, type BrokerContext } from './brokerContext';
import type { LogRow } from './brokerDb';
import { deadLetterEvent } from './deadLetter';
import { readRecord } from './logStore';
import type { PartitionCursor } from './groups';
import { offsetKey } from './offsetStore';
import { forgetBelow, passSkipped, rewind } from './typeFilter';
import { DEAD_LETTER_TOPIC } from './wire';

const failureKeyOf = (group: string, topic: string, partition: number, offset: number) =>
  offsetKey(group, topic, partition) + `@${offset}`;

export class Redelivery {
  private readonly failures = new Map<string, number>();

  constructor(private readonly broker: BrokerContext) {}

  async load(): Promise<void> {
    for (const row of await this.broker.deps.db.attempts.toArray())
      this.failures.set(failureKeyOf(row.group, row.topic, row.partition, row.offset), row.failures);
  }

  /** How many times this record has now been handed over to `groupName` (1 = first delivery). */
  attemptOf(groupName: string, row: LogRow): number {
    return (this.failures.get(failureKeyOf(groupName, row.topic, row.partition, row.offset)) ?? 0) + 1;
  }

  /** Resolves once the new offset (past the skipped records right after it, too) is durable. */
  ack(groupName: string, topic: string, partition: number, offset: number): Promise<void> {
    const cursor = cursorOf(this.broker, groupName, topic, partition);
    if (!cursor || offset + 1 <= cursor.committed) return Promise.resolve();
    cursor.committed = offset + 1;
    forgetBelow(cursor, cursor.committed);
    if (cursor.next < cursor.committed) cursor.next = cursor.committed;
    passSkipped(cursor);
    const durable = storeCommitted(this.broker, groupName, cursor);
    this.broker.changed();
    this.broker.pump(groupName, cursor);
    return durable;
  }

  async nack(
    groupName: string,
    topic: string,
    partition: number,
    offset: number,
    error: string,
  ): Promise<void> {
    const cursor = cursorOf(this.broker, groupName, topic, partition);
    if (!cursor || offset < cursor.committed) return;
    const failureKey = failureKeyOf(groupName, topic, partition, offset);
    const failures = (this.failures.get(failureKey) ?? 0) + 1;
    this.failures.set(failureKey, failures);
    const { db, emit } = this.broker.deps;
    if (failures >= this.broker.config.maxAttempts) {
      const record = await readRecord(db, topic, partition, offset);
      if (record) {
        // The offset moves past the record only once its dead letter is durable: a crash in between delivers it again.
        const event = deadLetterEvent(record, groupName, error, failures);
        const written = await this.broker.log.append([{ topic: DEAD_LETTER_TOPIC, event }]).then(
          () => true,
          () => false,
        );
        if (!written) return this.retryLater(cursor, groupName, offset, failures);
        emit({
          kind: 'dead-lettered',
          group: groupName,
          topic,
          messageId: record.event.id,
          type: record.event.type,
          error,
        });
      }
      this.failures.delete(failureKey);
      await db.attempts.delete([groupName, topic, partition, offset]);
      return this.ack(groupName, topic, partition, offset);
    }
    await db.attempts.put({ group: groupName, topic, partition, offset, failures, error });
    this.retryLater(cursor, groupName, offset, failures);
  }

  /** Partition order is kept: nothing after the failed record is delivered until it succeeds or is dead-lettered. */
  private retryLater(cursor: PartitionCursor, groupName: string, offset: number, failures: number): void {
    rewind(cursor, offset);
    cursor.blockedUntil =
      this.broker.deps.clock.now() + this.broker.config.retryBackoffMs * 2 ** (failures - 1);
    this.broker.pump(groupName, cursor);
    this.broker.changed();
  }
}
