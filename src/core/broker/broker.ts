// The broker process: a durable, partitioned log with consumer groups.
// Owns its own database and wire; knows nothing of services or the UI.
// Guarantees: a publish is acknowledged only after its records committed;
// a group's offset moves only on acknowledgement; whatever was handed out and
// not acknowledged is handed out again (after a nack, a rejoin, or a restart).
// This file wires the parts (logWriter, offsetStore and the write loop over
// both, handOver, redelivery, logRetention)
// and answers the wire; each part owns one concern. Every request is served
// through a port with the fault layer over it (servedPort.ts, faultLayer.ts).

import type { Channel } from '../transport';
import { channelNames } from '../transport';
import type { BrokerStats } from '../telemetry';
import { DEFAULT_BROKER_CONFIG, type BrokerConfig, type BrokerDeps } from './brokerConfig';
import type { BrokerContext } from './brokerContext';
import { OffsetStore } from './offsetStore';
import { deliverableCursors } from './logReads';
import type { BrokerStatus, DeliverableCursor } from './brokerOperations';
import { ConsumerGroup } from './groups';
import { LogWriter } from './logWriter';
import { BrokerWrites } from './brokerWrites';
import { LogRetention } from './logRetention';
import type { BrokerReply, BrokerRequest } from './wire';
import { Timers } from '../timers';
import { BrokerUnavailable, type HoldablePort } from './brokerPort';
import { withBrokerFaults } from './faultLayer';
import { servedPort } from './servedPort';
import { Membership } from './membership';
import { brokerStats } from './stats';
import { BrokerFaults } from './faults';
import { HandOver } from './handOver';
import { Redelivery } from './redelivery';

/** Acks and nacks name a group and partition, not a member: a live client's come unsigned. */
const UNNAMED = '';

/** How often retention looks for records due: often enough to keep within ~25% of the setting, at most every 5 s. */
const pruneEvery = (retentionMs: number) => Math.min(5000, Math.max(250, retentionMs / 4));

export class Broker {
  private readonly config: BrokerConfig;
  private readonly names;
  private readonly log: LogWriter;
  private readonly groups = new Map<string, ConsumerGroup>();
  private readonly offsets: OffsetStore;
  private readonly writes: BrokerWrites;
  private readonly retention: LogRetention;
  private readonly handOver: HandOver;
  private readonly redelivery: Redelivery;
  private readonly membership: Membership;
  private readonly replyChannels = new Map<string, Channel>();
  /** Per member, the port its requests are served through (the fault layer over the log). */
  private readonly ports = new Map<string, HoldablePort>();
  private channels: Channel[] = [];
  private readonly timers = new Timers();
  private statsDirty = true;
  /** Faults armed by a fault plan or a script: duplicate, delayed and refused traffic. */
  readonly faults = new BrokerFaults();
  private paused = false;
  private stopped = false;

  constructor(private readonly deps: BrokerDeps) {
    this.config = { ...DEFAULT_BROKER_CONFIG, ...deps.config };
    // One write loop for the log and the offsets: an ack that comes while a write is under way rides the next.
    const kick = () => this.writes.kick();
    this.offsets = new OffsetStore(deps.db, kick);
    this.names = channelNames(deps.runId);
    this.log = new LogWriter({
      db: deps.db,
      clock: deps.clock,
      partitions: this.config.partitions,
      published: (publisher) => this.writes.published(publisher),
      onNewTopic: (topic) => this.membership.topicCreated(topic),
      onAppended: (rows) => {
        this.retention.appended(rows);
        this.statsDirty = true;
        this.handOver.pumpAll();
      },
    });
    this.writes = new BrokerWrites({
      db: deps.db,
      log: this.log,
      offsets: this.offsets,
      stopped: () => this.stopped,
      // A deterministic run's ack waits for its offset to be durable, and its steps never wait on a timer.
      linger: deps.stepped ? undefined : (ms, fn) => this.timers.later(ms, fn),
      now: deps.stepped ? undefined : () => deps.clock.now(),
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
      pumpAll: () => this.handOver.pumpAll(),
    };
    this.membership = new Membership(context);
    this.redelivery = new Redelivery(context);
    this.handOver = new HandOver({
      broker: context,
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
      this.timers.every(Math.min(1000, this.config.sessionTimeoutMs / 2), () => this.membership.expire());
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
        const { from, reqId } = request;
        void this.portFor(from)
          .publish(request.messages)
          .then(
            (offsets) => this.reply(from, { type: 'publish.ok', reqId, offsets }),
            (error) =>
              this.reply(from, {
                type: 'publish.failed',
                reqId,
                error: error instanceof BrokerUnavailable ? error.message : String(error),
              }),
          );
        return;
      }
      case 'subscribe': {
        // Deliveries carry the incarnation that joined: a restarted process drops its predecessor's.
        const { from, session } = request;
        await this.portFor(request.member).subscribe(
          request.group,
          request.topics,
          (delivery) => this.reply(from, { type: 'deliver', ...delivery, session }),
          request.types,
        );
        return this.confirm(request);
      }
      case 'heartbeat':
        return this.membership.heartbeat(request.group, request.member);
      case 'ack': {
        const durable = await this.portFor(request.from ?? UNNAMED)
          .ack(request.group, request.topic, request.partition, request.offset)
          .then(
            () => true,
            () => false,
          );
        // A failed write confirms nothing: the offset waits for the broker's next write, the client's wait runs out.
        if (durable) this.confirm(request);
        return;
      }
      case 'nack':
        await this.portFor(request.from ?? UNNAMED).nack(
          request.group,
          request.topic,
          request.partition,
          request.offset,
          request.error,
        );
        return this.confirm(request);
      case 'fetch': {
        const port = this.portFor(request.from);
        const batch = await port.fetch(request.group, request.topic, request.partition, request.max);
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
  status(): BrokerStatus {
    let lag = 0;
    for (const group of this.groups.values())
      for (const cursor of group.cursors.values())
        lag += this.endOf(cursor.topic, cursor.partition) - cursor.committed;
    const pendingWrites = this.writes.owed;
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

  private portFor(member: string): HoldablePort {
    let port = this.ports.get(member);
    if (!port) {
      const served = servedPort(member, {
        log: this.log,
        handOver: this.handOver,
        redelivery: this.redelivery,
        join: (group, joining, topics, deliver, types) =>
          this.membership.join(group, joining, topics, deliver, types),
      });
      this.ports.set(member, (port = withBrokerFaults(served, this.faults, this.deps.emit)));
    }
    return port;
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
