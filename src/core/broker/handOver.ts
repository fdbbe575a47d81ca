// Handing records to consumer groups: pushed to a partition's member in a
// live run (batched, at most `maxInflight` unacknowledged, waiting out a
// backoff), fetched by the member's own step in a deterministic one; only
// records of the types the member takes (typeFilter.ts); and a batch held
// back, which a layer over the port (the delay fault) asks for.

import type { LogRecord } from '../envelope';
import type { FetchedBatch } from './brokerPort';
import { cursorOf, storeCommitted, type BrokerContext } from './brokerContext';
import type { LogRow } from './brokerDb';
import type { PartitionCursor } from './groups';
import { readRange, toRecords } from './logReads';
import { handOut, passSkipped, rewind } from './typeFilter';
import type { Timers } from '../timers';

export interface HandOverDeps {
  broker: BrokerContext;
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
    const rows = handOut(
      cursor,
      await this.read(cursor, cursor.next, upto),
      upto,
      this.typesOf(groupName, cursor),
    );
    const records = this.toRecords(groupName, rows);
    broker.changed();
    // The step ends once the group's offset passed what it skipped: a deterministic run never writes behind its back.
    if (passSkipped(cursor)) await storeCommitted(broker, groupName, cursor);
    return { records, duplicate: false, heldBack: false };
  }

  /** The group's records of a partition from `offset` on go back undelivered, and the partition waits `ms`. */
  holdBack(groupName: string, topic: string, partition: number, offset: number, ms: number): void {
    const cursor = cursorOf(this.deps.broker, groupName, topic, partition);
    if (!cursor || offset < cursor.committed || offset > cursor.next) return;
    rewind(cursor, offset);
    cursor.blockedUntil = this.deps.broker.deps.clock.now() + ms;
    this.pump(groupName, cursor);
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
    if (cursor.member === member && cursor.next === from && !broker.stopped()) {
      const { deliver, types } = broker.groups.get(groupName)!.members.get(member)!;
      const records = this.toRecords(groupName, handOut(cursor, rows, upto, types));
      if (records.length)
        deliver({ group: groupName, topic: cursor.topic, partition: cursor.partition, records });
      // Nobody waits for this write; the broker owes it (status) until it is durable.
      if (passSkipped(cursor)) storeCommitted(broker, groupName, cursor).catch(() => undefined);
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

  private typesOf(groupName: string, cursor: PartitionCursor): ReadonlySet<string> | null {
    const member = cursor.member
      ? this.deps.broker.groups.get(groupName)?.members.get(cursor.member)
      : undefined;
    return member?.types ?? null;
  }

  private toRecords(groupName: string, rows: LogRow[]): LogRecord[] {
    return toRecords(rows, (row) => this.deps.attemptOf(groupName, row));
  }
}
