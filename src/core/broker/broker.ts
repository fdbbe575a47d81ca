// The broker process: a durable, partitioned log with consumer groups.
// Owns its own database and wire; knows nothing of services or the UI.
// Guarantees: a publish is acknowledged only after its records committed;
// a group's offset moves only on acknowledgement; whatever was handed out and
// not acknowledged is handed out again (after a nack, a rejoin, or a restart).
// This file wires the parts (logWriter, handOver, redelivery, logRetention)
// and answers the wire; each part owns one concern.

import type { Channel } from '../transport';
import { channelNames } from '../transport';
import type { BrokerStats } from '../telemetry';
import { DEFAULT_BROKER_CONFIG, type BrokerConfig, type BrokerDeps } from './brokerConfig';
import type { BrokerContext } from './brokerContext';
import { OffsetStore } from './offsetStore';
import { deliverableCursors, type DeliverableCursor } from './logReads';
import { ConsumerGroup } from './groups';
import { LogWriter } from './logWriter';
import { LogRetention } from './logRetention';
import type { BrokerReply, BrokerRequest } from './wire';
import { Timers } from '../timers';
import { brokerStats } from './stats';
import { BrokerFaults } from './faults';
import { HandOver } from './handOver';
import { Redelivery } from './redelivery';

/** How often retention looks for records due: often enough to keep within ~25% of the setting, at most every 5 s. */
const pruneEvery = (retentionMs: number) => Math.min(5000, Math.max(250, retentionMs / 4));

export class Broker {
  private readonly config: BrokerConfig;
  private readonly names;
  private readonly log: LogWriter;
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly offsets: OffsetStore;
  private readonly retention: LogRetention;
  private readonly handOver: HandOver;
  private readonly redelivery: Redelivery;
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
        this.handOver.pumpAll();
      },
    });
    this.retention = new LogRetention({
      db: deps.db,
      clock: deps.clock,
      ends: () => this.log.ends,
      floor: (topic, partition) => this.retentionFloor(topic, partition),
      stopped: () => this.stopped,
    });
    const context: BrokerContext = {
      deps,
      config: this.config,
      groups: this.groups,
      log: this.log,
      offsets: this.offsets,
      stopped: () => this.stopped,
      changed: () => void (this.statsDirty = true),
      pump: (group, cursor) => this.handOver.pump(group, cursor),
      reply: (to, message) => this.reply(to, message),
    };
    this.redelivery = new Redelivery(context);
    this.handOver = new HandOver({
      broker: context,
      faults: this.faults,
      timers: this.timers,
      paused: () => this.paused,
      attemptOf: (group, row) => this.redelivery.attemptOf(group, row),
    });
  }

  async start(): Promise<void> {
    const { db } = this.deps;
    await db.open();
    await this.log.load();
    await this.offsets.load();
    await this.retention.load();
    await this.redelivery.load();
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
    if (!paused) this.handOver.pumpAll();
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
        await this.redelivery.ack(request.group, request.topic, request.partition, request.offset);
        return this.confirm(request);
      case 'nack':
        await this.redelivery.nack(
          request.group,
          request.topic,
          request.partition,
          request.offset,
          request.error,
        );
        return this.confirm(request);
      case 'fetch': {
        const batch = await this.handOver.fetch(request.group, request.topic, request.partition, request.max);
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
    this.handOver.pumpAll();
  }

  private expireMembers(): void {
    for (const group of this.groups.values()) {
      if (!group.expire(this.deps.clock.now() - this.config.sessionTimeoutMs)) continue;
      this.statsDirty = true;
      this.handOver.pumpAll();
    }
  }

  private addCursors(group: ConsumerGroup, topic: string): void {
    const ends = this.log.ends.get(topic)!;
    for (let p = 0; p < ends.length; p++)
      group.cursor(topic, p, this.offsets.committed(group.name, topic, p));
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
