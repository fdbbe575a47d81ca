// The broker process: a durable, partitioned log with consumer groups.
// Owns its own database and wire; knows nothing of services or the UI.
// Guarantees: a publish is acknowledged only after its records committed;
// a group's offset moves only on acknowledgement; whatever was handed out and
// not acknowledged is handed out again (after a nack, a rejoin, or a restart).

import type { Channel, OpenChannel } from '../transport';
import { channelNames } from '../transport';
import type { Clock } from '../clock';
import type { Fact, BrokerStats } from '../telemetry';
import type { LogRecord } from '../envelope';
import type { BrokerDb, LogRow } from './brokerDb';
import { OffsetStore, offsetKey } from './offsetStore';
import { deliverableCursors, readRange, toRecords, type DeliverableCursor } from './logReads';
import { ConsumerGroup, type PartitionCursor } from './groups';
import { LogWriter } from './logWriter';
import { LogRetention } from './logRetention';
import { DEAD_LETTER_TOPIC, type BrokerReply, type BrokerRequest } from './wire';
import { deadLetterEvent } from './deadLetter';
import { Timers } from '../timers';
import { brokerStats } from './stats';
import { BrokerFaults } from './faults';

export interface BrokerConfig {
  partitions: number;
  /** Records a member may hold unacknowledged per partition. */
  maxInflight: number;
  deliveryBatch: number;
  /** Failed attempts after which a record goes to the dead-letter topic. */
  maxAttempts: number;
  retryBackoffMs: number;
  statsIntervalMs: number;
  /** A member not heard from for this long is dropped and its partitions rewound for whoever joins next. */
  sessionTimeoutMs: number;
  /** Records every group acknowledged are deleted once this old (see logRetention.ts); null keeps them all. */
  logRetentionMs: number | null;
}

export const DEFAULT_BROKER_CONFIG: BrokerConfig = {
  partitions: 3,
  maxInflight: 64,
  deliveryBatch: 32,
  maxAttempts: 4,
  retryBackoffMs: 100,
  statsIntervalMs: 100,
  sessionTimeoutMs: 3500,
  logRetentionMs: null,
};

/** How often retention looks for records due: often enough to keep within ~25% of the setting, at most every 5 s. */
const pruneEvery = (retentionMs: number) => Math.min(5000, Math.max(250, retentionMs / 4));

export interface BrokerDeps {
  runId: string;
  db: BrokerDb;
  openChannel: OpenChannel;
  clock: Clock;
  emit: (fact: Fact) => void;
  config?: Partial<BrokerConfig>;
  /**
   * A deterministic run: records are handed over only when a consumer fetches them, sessions never
   * expire, and time is whatever each request says (`clock` must then read what this sets).
   */
  stepped?: { set(at: number): void };
}

export class Broker {
  private readonly config: BrokerConfig;
  private readonly names;
  private readonly log: LogWriter;
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly offsets: OffsetStore;
  private readonly retention: LogRetention;
  private readonly failures = new Map<string, number>();
  private readonly replyChannels = new Map<string, Channel>();
  private channels: Channel[] = [];
  private readonly timers = new Timers();
  private statsDirty = true;
  /** Faults armed by a fault plan or a script: duplicate, delayed and refused traffic. */
  readonly faults = new BrokerFaults();
  private paused = false;
  private stopped = false;

  constructor(private readonly deps: BrokerDeps) {
    this.config = { ...DEFAULT_BROKER_CONFIG, ...deps.config };
    this.offsets = new OffsetStore(deps.db, () => this.stopped);
    this.names = channelNames(deps.runId);
    this.log = new LogWriter({
      db: deps.db,
      clock: deps.clock,
      partitions: this.config.partitions,
      stopped: () => this.stopped,
      onNewTopic: (topic) => {
        for (const group of this.groups.values()) {
          if (!group.topics().has(topic)) continue;
          this.addCursors(group, topic);
          group.rebalance(null);
        }
      },
      reply: (to, message) => this.reply(to, message),
      onAppended: (rows) => {
        this.retention.appended(rows);
        this.statsDirty = true;
        this.pumpAll();
      },
    });
    this.retention = new LogRetention({
      db: deps.db,
      clock: deps.clock,
      ends: () => this.log.ends,
      floor: (topic, partition) => this.retentionFloor(topic, partition),
      stopped: () => this.stopped,
    });
  }

  async start(): Promise<void> {
    const { db } = this.deps;
    await db.open();
    await this.log.load();
    await this.offsets.load();
    await this.retention.load();
    for (const row of await db.attempts.toArray())
      this.failures.set(offsetKey(row.group, row.topic, row.partition) + `@${row.offset}`, row.failures);

    const inbound = this.deps.openChannel(this.names.broker);
    inbound.onMessage((message) => void this.handle(message as BrokerRequest));
    const events = this.deps.openChannel(this.names.brokerEvents);
    this.channels.push(inbound, events);
    events.post({ type: 'broker.up' });
    this.timers.every(this.config.statsIntervalMs, () => this.emitStats());
    if (!this.deps.stepped)
      this.timers.every(Math.min(1000, this.config.sessionTimeoutMs / 2), () => this.expireMembers());
    // A deterministic run's log is part of its state: it is never pruned behind the scheduler's back.
    const retentionMs = this.config.logRetentionMs;
    if (retentionMs !== null && !this.deps.stepped)
      this.timers.every(pruneEvery(retentionMs), () => void this.prune(retentionMs));
    this.deps.emit({ kind: 'ready', process: 'broker' });
  }

  stop(): void {
    this.stopped = true;
    this.timers.stop();
    for (const channel of [...this.channels, ...this.replyChannels.values()]) channel.close();
    this.deps.db.close();
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.statsDirty = true;
    if (!paused) this.pumpAll();
  }

  async handle(request: BrokerRequest): Promise<void> {
    if (this.stopped) return;
    if (this.deps.stepped && 'at' in request && request.at !== undefined) this.deps.stepped.set(request.at);
    switch (request.type) {
      case 'publish': {
        const refused = this.faults.outage.take();
        if (refused) {
          if (refused === 'first')
            this.deps.emit({ kind: 'broker-fault', fault: 'broker-outage', group: null, type: null });
          return this.reply(request.from, {
            type: 'publish.failed',
            reqId: request.reqId,
            error: 'broker outage: publish refused',
          });
        }
        this.log.append(request);
        return;
      }
      case 'subscribe':
        await this.subscribe(request.group, request.member, request.from, request.topics, request.session);
        return this.confirm(request);
      case 'heartbeat': {
        const member = this.groups.get(request.group)?.members.get(request.member);
        if (member) member.lastSeen = this.deps.clock.now();
        return;
      }
      case 'ack':
        await this.ack(request.group, request.topic, request.partition, request.offset);
        return this.confirm(request);
      case 'nack':
        await this.nack(request.group, request.topic, request.partition, request.offset, request.error);
        return this.confirm(request);
      case 'fetch': {
        const batch = await this.fetch(request.group, request.topic, request.partition, request.max);
        return this.reply(request.from, { type: 'fetch.ok', reqId: request.reqId, ...batch });
      }
    }
  }

  /** Deterministic runs: which partitions have records to hand over, and to whom. */
  deliverable(): DeliverableCursor[] {
    return deliverableCursors(this.groups.values(), (topic, partition) => this.endOf(topic, partition));
  }

  private confirm(request: { reqId?: string; from?: string }): void {
    if (request.reqId && request.from) this.reply(request.from, { type: 'done', reqId: request.reqId });
  }

  /** Work the broker still owes: records not yet acknowledged by some group, or writes not yet durable. */
  status(): { lag: number; pendingWrites: number } {
    let lag = 0;
    for (const group of this.groups.values())
      for (const cursor of group.cursors.values())
        lag += this.endOf(cursor.topic, cursor.partition) - cursor.committed;
    const pendingWrites = this.log.owed + this.offsets.owed;
    return { lag, pendingWrites };
  }

  stats(): BrokerStats {
    return brokerStats(this.log.ends, this.groups.values(), this.paused, {
      logMs: this.config.logRetentionMs,
      pruned: this.retention.pruned,
    });
  }

  /** Deletes the records due under the retention setting (the timer's work; tests call it directly). */
  async prune(retentionMs = this.config.logRetentionMs): Promise<number> {
    if (retentionMs === null || this.stopped) return 0;
    const deleted = await this.retention.prune(retentionMs).catch(() => 0);
    if (deleted) this.statsDirty = true;
    return deleted;
  }

  /**
   * The lowest durable committed offset among the groups reading this partition's topic (members
   * here now, or any group that ever acknowledged it): nothing at or above it may be deleted.
   */
  private retentionFloor(topic: string, partition: number): number | null {
    const committed = this.offsets.committedOf(topic, partition);
    for (const group of this.groups.values())
      if (group.cursors.has(ConsumerGroup.key(topic, partition)) && !committed.has(group.name))
        committed.set(group.name, 0);
    return committed.size ? Math.min(...committed.values()) : null;
  }

  // --- consumer groups --------------------------------------------------------

  private async subscribe(
    groupName: string,
    member: string,
    replyTo: string,
    topics: string[],
    session?: string,
  ): Promise<void> {
    const fresh = topics.filter((t) => this.log.ensureTopic(t));
    if (fresh.length)
      await this.deps.db.topics.bulkPut(fresh.map((name) => ({ name, partitions: this.config.partitions })));
    let group = this.groups.get(groupName);
    if (!group) this.groups.set(groupName, (group = new ConsumerGroup(groupName)));
    group.members.set(member, {
      id: member,
      replyTo,
      session,
      topics: new Set(topics),
      lastSeen: this.deps.clock.now(),
    });
    for (const topic of topics) this.addCursors(group, topic);
    group.rebalance(member);
    this.statsDirty = true;
    this.pumpAll();
  }

  private expireMembers(): void {
    for (const group of this.groups.values()) {
      if (!group.expire(this.deps.clock.now() - this.config.sessionTimeoutMs)) continue;
      this.statsDirty = true;
      this.pumpAll();
    }
  }

  private addCursors(group: ConsumerGroup, topic: string): void {
    const ends = this.log.ends.get(topic)!;
    for (let p = 0; p < ends.length; p++)
      group.cursor(topic, p, this.offsets.committed(group.name, topic, p));
  }

  /** Resolves once the new offset is durable. */
  private ack(groupName: string, topic: string, partition: number, offset: number): Promise<void> {
    const cursor = this.groups.get(groupName)?.cursors.get(ConsumerGroup.key(topic, partition));
    if (!cursor || offset + 1 <= cursor.committed) return Promise.resolve();
    cursor.committed = offset + 1;
    if (cursor.next < cursor.committed) cursor.next = cursor.committed;
    const durable = this.offsets.write({ group: groupName, topic, partition, committed: cursor.committed });
    this.statsDirty = true;
    this.pump(groupName, cursor);
    return durable;
  }

  private async nack(
    groupName: string,
    topic: string,
    partition: number,
    offset: number,
    error: string,
  ): Promise<void> {
    const cursor = this.groups.get(groupName)?.cursors.get(ConsumerGroup.key(topic, partition));
    if (!cursor || offset < cursor.committed) return;
    const failureKey = offsetKey(groupName, topic, partition) + `@${offset}`;
    const failures = (this.failures.get(failureKey) ?? 0) + 1;
    this.failures.set(failureKey, failures);
    const { db } = this.deps;
    if (failures >= this.config.maxAttempts) {
      const record = await db.log.get([topic, partition, offset]);
      if (record) {
        // The offset moves past the record only once its dead letter is durable: a crash in between delivers it again.
        const written = await new Promise<boolean>((resolve) => {
          const event = deadLetterEvent(record, groupName, error, failures);
          this.log.append({
            reqId: `dlq-${failureKey}`,
            from: '',
            messages: [{ topic: DEAD_LETTER_TOPIC, event }],
            settled: (e) => resolve(!e),
          });
        });
        if (!written) return this.retryLater(cursor, groupName, offset, failures);
        this.deps.emit({
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
    cursor.next = offset;
    cursor.blockedUntil = this.deps.clock.now() + this.config.retryBackoffMs * 2 ** (failures - 1);
    this.pump(groupName, cursor);
    this.statsDirty = true;
  }

  // --- delivery ---------------------------------------------------------------

  private pumpAll(): void {
    for (const group of this.groups.values())
      for (const cursor of group.cursors.values()) this.pump(group.name, cursor);
  }

  private pump(groupName: string, cursor: PartitionCursor): void {
    // A deterministic run hands records over only when a consumer's step fetches them.
    if (!this.deps.stepped) void this.deliver(groupName, cursor);
  }

  /** Deterministic runs: up to `max` records of one partition for `group`, read now. */
  private async fetch(
    groupName: string,
    topic: string,
    partition: number,
    max: number,
  ): Promise<{ records: LogRecord[]; duplicate: boolean; heldBack: boolean }> {
    const cursor = this.groups.get(groupName)?.cursors.get(ConsumerGroup.key(topic, partition));
    const none = { records: [], duplicate: false, heldBack: false };
    if (!cursor?.member || cursor.reading || cursor.blockedUntil > this.deps.clock.now()) return none;
    const upto = Math.min(this.endOf(topic, partition), cursor.next + max);
    if (upto <= cursor.next) return none;
    const from = cursor.next;
    const rows = await readRange(
      this.deps.db,
      cursor,
      from,
      upto,
      this.log.cached(cursor.topic, cursor.partition, from, upto),
    );
    const hold = this.faults.delays.take(groupName, rows);
    if (hold > 0) {
      cursor.blockedUntil = this.deps.clock.now() + hold;
      this.deps.emit({
        kind: 'broker-fault',
        fault: 'delay',
        group: groupName,
        type: rows[0]?.event.type ?? null,
      });
      return { ...none, heldBack: true };
    }
    cursor.next = upto;
    const records = this.toRecords(groupName, rows);
    const duplicate = this.faults.duplicates.take(groupName, records);
    if (duplicate)
      this.deps.emit({
        kind: 'broker-fault',
        fault: 'duplicate',
        group: groupName,
        type: records[0].event.type,
      });
    this.statsDirty = true;
    return { records, duplicate, heldBack: false };
  }

  private toRecords(groupName: string, rows: LogRow[]): LogRecord[] {
    return toRecords(
      rows,
      (r) => (this.failures.get(offsetKey(groupName, r.topic, r.partition) + `@${r.offset}`) ?? 0) + 1,
    );
  }

  private async deliver(groupName: string, cursor: PartitionCursor): Promise<void> {
    if (this.paused || this.stopped || cursor.reading || !cursor.member) return;
    const wait = cursor.blockedUntil - this.deps.clock.now();
    if (wait > 0) {
      // Timers may fire a hair early: whoever finds the partition still blocked books the next look.
      if (!cursor.wakeBooked) {
        cursor.wakeBooked = true;
        this.timers.later(wait, () => {
          cursor.wakeBooked = false;
          this.pump(groupName, cursor);
        });
      }
      return;
    }
    const end = this.endOf(cursor.topic, cursor.partition);
    const upto = Math.min(
      end,
      cursor.next + this.config.deliveryBatch,
      cursor.committed + this.config.maxInflight,
    );
    if (upto <= cursor.next) return;
    const { from, member } = { from: cursor.next, member: cursor.member };
    const rows = await readRange(
      this.deps.db,
      cursor,
      from,
      upto,
      this.log.cached(cursor.topic, cursor.partition, from, upto),
    );
    // A rebalance or a nack while we read makes this batch stale: start over from the new cursor.
    const hold = this.faults.delays.take(groupName, rows);
    if (hold > 0 && cursor.member === member && cursor.next === from) {
      // Delayed delivery: this partition waits; the others go on, so order across partitions changes.
      cursor.blockedUntil = this.deps.clock.now() + hold;
      this.deps.emit({
        kind: 'broker-fault',
        fault: 'delay',
        group: groupName,
        type: rows[0]?.event.type ?? null,
      });
      this.pump(groupName, cursor);
      return;
    }
    if (cursor.member === member && cursor.next === from && !this.stopped) {
      cursor.next = upto;
      const group = this.groups.get(groupName)!;
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
      this.reply(replyTo, delivery);
      if (this.faults.duplicates.take(groupName, records)) {
        this.deps.emit({
          kind: 'broker-fault',
          fault: 'duplicate',
          group: groupName,
          type: records[0].event.type,
        });
        this.reply(replyTo, delivery);
      }
      this.statsDirty = true;
    }
    this.pump(groupName, cursor);
  }

  // --- plumbing ---------------------------------------------------------------

  private endOf(topic: string, partition: number): number {
    return this.log.endOf(topic, partition);
  }

  private reply(to: string, message: BrokerReply): void {
    if (!to || this.stopped) return;
    let channel = this.replyChannels.get(to);
    if (!channel) this.replyChannels.set(to, (channel = this.deps.openChannel(this.names.to(to))));
    channel.post(message);
  }

  private emitStats(): void {
    if (!this.statsDirty) return;
    this.statsDirty = false;
    this.deps.emit({ kind: 'broker', stats: this.stats() });
  }
}
