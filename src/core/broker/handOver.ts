// Handing records to consumer groups: pushed to a partition's member in a
// live run (batched, at most `maxInflight` unacknowledged, waiting out a
// backoff), fetched by the member's own step in a deterministic one. The
// broker's delivery faults (a batch held back, a batch handed over twice)
// fire here, as the records leave: see faults.ts for why they live in the
// broker and not in a layer over the port.

import type { LogRecord } from '../envelope';
import type { FetchedBatch } from './brokerPort';
import { cursorOf, type BrokerContext } from './brokerContext';
import type { LogRow } from './brokerDb';
import type { BrokerFaults } from './faults';
import type { PartitionCursor } from './groups';
import { readRange, toRecords } from './logReads';
import type { Timers } from '../timers';

export interface HandOverDeps {
  broker: BrokerContext;
  faults: BrokerFaults;
  timers: Timers;
  paused: () => boolean;
  /** How many times a record has now been handed to a group (1 = first delivery). */
  attemptOf: (groupName: string, row: LogRow) => number;
}

const NOTHING: FetchedBatch = { records: [], duplicate: false, heldBack: false };

export class HandOver {
  constructor(private readonly deps: HandOverDeps) {}

  pumpAll(): void {
    for (const group of this.deps.broker.groups.values())
      for (const cursor of group.cursors.values()) this.pump(group.name, cursor);
  }

  pump(groupName: string, cursor: PartitionCursor): void {
    // A deterministic run hands records over only when a consumer's step fetches them.
    if (!this.deps.broker.deps.stepped) void this.deliver(groupName, cursor);
  }

  /** Deterministic runs: up to `max` records of one partition for `group`, read now. */
  async fetch(groupName: string, topic: string, partition: number, max: number): Promise<FetchedBatch> {
    const { broker } = this.deps;
    const cursor = cursorOf(broker, groupName, topic, partition);
    if (!cursor?.member || cursor.reading || cursor.blockedUntil > broker.deps.clock.now()) return NOTHING;
    const upto = Math.min(broker.log.endOf(topic, partition), cursor.next + max);
    if (upto <= cursor.next) return NOTHING;
    const rows = await this.read(cursor, cursor.next, upto);
    const hold = this.deps.faults.delays.take(groupName, rows);
    if (hold > 0) {
      this.holdBack(groupName, cursor, hold, rows);
      return { ...NOTHING, heldBack: true };
    }
    cursor.next = upto;
    const records = this.toRecords(groupName, rows);
    const duplicate = this.duplicateTaken(groupName, records);
    broker.changed();
    return { records, duplicate, heldBack: false };
  }

  private async deliver(groupName: string, cursor: PartitionCursor): Promise<void> {
    const { broker } = this.deps;
    const { config } = broker;
    if (this.deps.paused() || broker.stopped() || cursor.reading || !cursor.member) return;
    const wait = cursor.blockedUntil - broker.deps.clock.now();
    if (wait > 0) {
      // Timers may fire a hair early: whoever finds the partition still blocked books the next look.
      if (!cursor.wakeBooked) {
        cursor.wakeBooked = true;
        this.deps.timers.later(wait, () => {
          cursor.wakeBooked = false;
          this.pump(groupName, cursor);
        });
      }
      return;
    }
    const end = broker.log.endOf(cursor.topic, cursor.partition);
    const upto = Math.min(end, cursor.next + config.deliveryBatch, cursor.committed + config.maxInflight);
    if (upto <= cursor.next) return;
    const { from, member } = { from: cursor.next, member: cursor.member };
    const rows = await this.read(cursor, from, upto);
    // A rebalance or a nack while we read makes this batch stale: start over from the new cursor.
    const hold = this.deps.faults.delays.take(groupName, rows);
    if (hold > 0 && cursor.member === member && cursor.next === from) {
      // Delayed delivery: this partition waits; the others go on, so order across partitions changes.
      this.holdBack(groupName, cursor, hold, rows);
      this.pump(groupName, cursor);
      return;
    }
    if (cursor.member === member && cursor.next === from && !broker.stopped()) {
      cursor.next = upto;
      const group = broker.groups.get(groupName)!;
      const records = this.toRecords(groupName, rows);
      const { replyTo, session } = group.members.get(member)!;
      const delivery = {
        type: 'deliver' as const,
        group: groupName,
        topic: cursor.topic,
        partition: cursor.partition,
        records,
        session,
      };
      broker.reply(replyTo, delivery);
      if (this.duplicateTaken(groupName, records)) broker.reply(replyTo, delivery);
      broker.changed();
    }
    this.pump(groupName, cursor);
  }

  private read(cursor: PartitionCursor, from: number, upto: number): Promise<LogRow[]> {
    const { db } = this.deps.broker.deps;
    return readRange(
      db,
      cursor,
      from,
      upto,
      this.deps.broker.log.cached(cursor.topic, cursor.partition, from, upto),
    );
  }

  private toRecords(groupName: string, rows: LogRow[]): LogRecord[] {
    return toRecords(rows, (row) => this.deps.attemptOf(groupName, row));
  }

  /** A delay fault fired: the partition waits `hold` ms (the others go on). */
  private holdBack(groupName: string, cursor: PartitionCursor, hold: number, rows: LogRow[]): void {
    const { clock, emit } = this.deps.broker.deps;
    cursor.blockedUntil = clock.now() + hold;
    emit({ kind: 'broker-fault', fault: 'delay', group: groupName, type: rows[0]?.event.type ?? null });
  }

  /** True (and the fault reported) when a duplicate fault asks for this batch to be handed over twice. */
  private duplicateTaken(groupName: string, records: LogRecord[]): boolean {
    if (!this.deps.faults.duplicates.take(groupName, records)) return false;
    this.deps.broker.deps.emit({
      kind: 'broker-fault',
      fault: 'duplicate',
      group: groupName,
      type: records[0].event.type,
    });
    return true;
  }
}
