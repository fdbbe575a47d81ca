// The broker port on NATS JetStream: a topic partition is a stream (see
// natsNames.ts), a consumer group a durable pull consumer on each, an offset
// a stream sequence and `attempt` the delivery count. A publish carries
// `Nats-Msg-Id` = the event's id, so the stream's duplicate window drops a
// republish (counted: the broker's own guard, beside the consumers' inboxes).
// Opens no socket itself: the host hands in `connect` (nats-core's
// `wsconnect` in a worker or a test), as core never reaches for host globals.

import type { ConnectionOptions, NatsConnection } from '@nats-io/nats-core';
import {
  jetstream,
  jetstreamManager,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  type PubAck,
} from '@nats-io/jetstream';
import type { CloudEvent, LogRecord } from '../../envelope';
import type { Fact } from '../../telemetry';
import {
  BrokerUnavailable,
  type Delivery,
  type FetchedBatch,
  type HoldablePort,
  type OutgoingMessage,
} from '../brokerPort';
import { deadLetterEvent } from '../deadLetter';
import { partitionFor } from '../partitioner';
import { DEAD_LETTER_TOPIC } from '../wire';
import { Inflight, partitionKey } from './inflight';
import { DEFAULT_JETSTREAM_CONFIG, type JetStreamConfig } from './jetStreamConfig';
import { ensureConsumer, ensureStream } from './natsAdmin';
import { unavailable } from './natsErrors';
import { partitionNames, type PartitionNames } from './natsNames';
import { watchMaxDeliveries } from './maxDeliveries';

export interface JetStreamPortOptions {
  runId: string;
  /** The server's address: its `ws://` URL from a browser or a worker. */
  servers: string | string[];
  /** Opens the connection: the host passes nats-core's `wsconnect` (or `connect` over TCP in Node). */
  connect: (options: ConnectionOptions) => Promise<NatsConnection>;
  /** How the connection is named on the server (the process it speaks for). */
  name?: string;
  config?: Partial<JetStreamConfig>;
  /** Facts for the run's history: dead letters, as the BroadcastChannel broker reports them. */
  emit?: (fact: Fact) => void;
  /** Failures nobody waits for (an ack the server did not confirm, a dead letter not copied), for the log. */
  onError?: (error: BrokerUnavailable) => void;
  /** A publish the stream's duplicate window dropped: the broker's guard caught a republish. */
  onDuplicate?: (event: CloudEvent, offset: number) => void;
}

/** What this port saw, for the canvas: "broker dedup caught N". */
export interface JetStreamPortStats {
  published: number;
  /** Publishes the stream's duplicate window dropped (the PubAck said `duplicate`). */
  duplicatesDropped: number;
  deadLettered: number;
}

interface Reader {
  messages: ConsumerMessages | null;
  stopped: boolean;
}

export class JetStreamPort implements HoldablePort {
  readonly config: JetStreamConfig;
  /** Resolves once `close` has drained the connection. */
  readonly closed: Promise<void>;
  private readonly js: JetStreamClient;
  private readonly inflight = new Inflight<JsMsg>();
  private readonly streams = new Map<string, Promise<void>>();
  private readonly consumers = new Map<string, Promise<string>>();
  private readonly readers = new Map<string, Reader>();
  private readonly listeners = new Map<string, (delivery: Delivery) => void>();
  private readonly counts: JetStreamPortStats = { published: 0, duplicatesDropped: 0, deadLettered: 0 };
  private closing = false;
  private markClosed: () => void = () => undefined;

  /** Connects and checks that the server has JetStream; a BrokerUnavailable saying why otherwise. */
  static async open(options: JetStreamPortOptions): Promise<JetStreamPort> {
    const config = { ...DEFAULT_JETSTREAM_CONFIG, ...options.config };
    const where = [options.servers].flat().join(', ');
    let nc: NatsConnection;
    try {
      nc = await options.connect({
        servers: options.servers,
        name: options.name,
        timeout: config.requestTimeoutMs,
        // A broker that goes away comes back: keep trying, and the relays' outboxes wait meanwhile.
        reconnect: true,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 250,
      });
    } catch (error) {
      throw unavailable(`connecting to the NATS server at ${where}`, error);
    }
    try {
      const jsm = await jetstreamManager(nc, { timeout: config.requestTimeoutMs });
      return new JetStreamPort(nc, jsm, options, config);
    } catch (error) {
      await nc.close().catch(() => undefined);
      throw unavailable(`JetStream at ${where}`, error, config.requestTimeoutMs);
    }
  }

  private constructor(
    /** The connection, for hosts and tests that watch its status (or kill it). */
    readonly connection: NatsConnection,
    readonly manager: JetStreamManager,
    private readonly options: JetStreamPortOptions,
    config: JetStreamConfig,
  ) {
    this.config = config;
    this.js = jetstream(connection, { timeout: config.requestTimeoutMs });
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    void connection.closed().then(() => this.markClosed());
  }

  stats(): JetStreamPortStats {
    return { ...this.counts };
  }

  async publish(messages: OutgoingMessage[]): Promise<number[]> {
    if (this.closing) throw new BrokerUnavailable('NATS JetStream: the port is closed');
    // One connection keeps the order of its publishes, so a partition's records land in batch order.
    const settled = await Promise.allSettled(messages.map((m) => this.publishOne(m.topic, m.event)));
    // Counted even when the batch fails as a whole: the records that did land are stored all the same.
    settled.forEach((result, i) => {
      if (result.status === 'rejected') return;
      if (!result.value.duplicate) return void this.counts.published++;
      this.counts.duplicatesDropped++;
      this.options.onDuplicate?.(messages[i].event, result.value.seq);
    });
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const acks = settled.map((r) => (r as PromiseFulfilledResult<PubAck>).value);
    return acks.map((a) => a.seq);
  }

  subscribe(group: string, topics: string[], onDeliver: (delivery: Delivery) => void): Promise<void> {
    if (this.closing) return Promise.reject(new BrokerUnavailable('NATS JetStream: the port is closed'));
    this.listeners.set(group, onDeliver);
    const starts = topics.flatMap((topic) =>
      Array.from({ length: this.config.partitions }, (_, p) => this.startReader(group, topic, p)),
    );
    return Promise.all(starts).then(() => undefined);
  }

  /** Deterministic runs: one record at most, as the consumer lets one be in flight per partition. */
  async fetch(group: string, topic: string, partition: number, _max: number): Promise<FetchedBatch> {
    const names = partitionNames(this.options.runId, topic, partition);
    try {
      const durable = await this.consumer(names, group);
      const consumer = await this.js.consumers.get(names.stream, durable);
      const msg = await consumer.next({ expires: Math.max(1000, this.config.fetchWaitMs) });
      if (!msg) return { records: [], duplicate: false, heldBack: false };
      this.inflight.hold(partitionKey(group, topic, partition), msg);
      return { records: [this.record(msg, topic, partition)], duplicate: false, heldBack: false };
    } catch (error) {
      throw unavailable(`fetch from ${topic}/${partition} for ${group}`, error, this.config.requestTimeoutMs);
    }
  }

  /** Acknowledges what this process holds of the partition up to `offset`, each ack confirmed by the server. */
  async ack(group: string, topic: string, partition: number, offset: number): Promise<void> {
    const msgs = this.inflight.take(partitionKey(group, topic, partition), 0, offset);
    for (const msg of msgs) {
      // Unconfirmed, the record comes again after the ack wait; the consumer's inbox absorbs it.
      await msg
        .ackAck({ timeout: this.config.requestTimeoutMs })
        .catch((error: unknown) => this.report(`ack of ${topic}/${partition}@${msg.seq}`, error));
    }
  }

  async nack(group: string, topic: string, partition: number, offset: number, error: string): Promise<void> {
    const key = partitionKey(group, topic, partition);
    const failed = this.inflight.get(key, offset);
    if (!failed) return;
    // Anything held past it goes back too, without counting as its own failure.
    for (const later of this.inflight.take(key, offset + 1, Number.MAX_SAFE_INTEGER))
      this.settle(() => later.nak(0), 'nak', later);
    this.inflight.take(key, offset, offset);
    if (failed.info.deliveryCount < this.config.maxAttempts)
      return this.settle(() => failed.nak(this.config.retryBackoffMs), 'nak', failed);
    try {
      await this.deadLetter(this.record(failed, topic, partition), group, error, failed.info.deliveryCount);
      // No reason text: server 2.9 reads `+TERM <reason>` as no ack at all, and the record would wait out the ack wait.
      this.settle(() => failed.term(), 'term', failed);
    } catch (cause) {
      // Its deliveries are used up: the server's max-deliveries advisory copies it (see deadLetterLost).
      this.report(`dead letter for ${topic}/${partition}@${offset}`, cause);
      this.settle(() => failed.nak(this.config.retryBackoffMs), 'nak', failed);
    }
  }

  /** A delay fault: what this process holds of the partition from `offset` on comes again after `ms` (as a delivery). */
  async holdBack(group: string, topic: string, partition: number, offset: number, ms: number): Promise<void> {
    const key = partitionKey(group, topic, partition);
    for (const msg of this.inflight.take(key, offset, Number.MAX_SAFE_INTEGER))
      this.settle(() => msg.nak(ms), 'nak', msg);
  }

  /** Stops pulling, hands back what it holds (so another member takes it now), and drains the connection. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    for (const reader of this.readers.values()) {
      reader.stopped = true;
      void reader.messages?.close().catch(() => undefined);
    }
    for (const msg of this.inflight.takeAll()) this.settle(() => msg.nak(0), 'nak', msg);
    this.connection.drain().then(
      () => this.markClosed(),
      () => this.markClosed(),
    );
  }

  private async publishOne(topic: string, event: CloudEvent): Promise<PubAck> {
    const names = partitionNames(
      this.options.runId,
      topic,
      partitionFor(event.subject, this.config.partitions),
    );
    const what = `publish of ${event.type} ${event.id} to ${topic}`;
    try {
      await this.stream(names);
      const ack = await this.js.publish(names.subject, JSON.stringify(event), {
        msgID: event.id,
        expect: { streamName: names.stream },
        timeout: this.config.requestTimeoutMs,
      });
      return ack;
    } catch (error) {
      // The stream may be gone (deleted, or the server lost its store): make sure of it again next time.
      this.streams.delete(names.stream);
      throw unavailable(what, error, this.config.requestTimeoutMs);
    }
  }

  private stream(names: PartitionNames): Promise<void> {
    let made = this.streams.get(names.stream);
    if (!made) {
      made = ensureStream(this.manager, names, this.config);
      this.streams.set(names.stream, made);
      made.catch(() => this.streams.delete(names.stream));
    }
    return made;
  }

  private consumer(names: PartitionNames, group: string): Promise<string> {
    const key = `${names.stream} ${group}`;
    let made = this.consumers.get(key);
    if (!made) {
      made = this.stream(names).then(() => ensureConsumer(this.manager, names.stream, group, this.config));
      this.consumers.set(key, made);
      made.catch(() => this.consumers.delete(key));
    }
    return made;
  }

  private async startReader(group: string, topic: string, partition: number): Promise<void> {
    const key = partitionKey(group, topic, partition);
    if (this.readers.has(key)) return;
    const names = partitionNames(this.options.runId, topic, partition);
    const reader: Reader = { messages: null, stopped: false };
    this.readers.set(key, reader);
    try {
      const durable = await this.consumer(names, group);
      watchMaxDeliveries(this.connection, names.stream, durable, (seq, deliveries) =>
        this.deadLetterLost(names.stream, group, topic, partition, seq, deliveries),
      );
      const consumer = await this.js.consumers.get(names.stream, durable);
      reader.messages = await consumer.consume({ max_messages: 8 });
    } catch (error) {
      this.readers.delete(key);
      throw unavailable(`subscribing ${group} to ${topic}/${partition}`, error, this.config.requestTimeoutMs);
    }
    void this.pump(reader, group, topic, partition);
  }

  private async pump(reader: Reader, group: string, topic: string, partition: number): Promise<void> {
    const key = partitionKey(group, topic, partition);
    try {
      for await (const msg of reader.messages!) {
        // Not ours any more: left unacknowledged, it goes to whoever pulls next after the ack wait.
        if (reader.stopped || this.closing) break;
        let record: LogRecord;
        try {
          record = this.record(msg, topic, partition);
        } catch {
          this.settle(() => msg.term(), 'term', msg);
          continue;
        }
        this.inflight.hold(key, msg);
        this.listeners.get(group)?.({ group, topic, partition, records: [record] });
      }
    } catch (error) {
      if (!this.closing) this.report(`delivery from ${topic}/${partition} to ${group}`, error);
    } finally {
      // The client's pull recovers from reconnects by itself; one that ended for good may be started again.
      if (this.readers.get(key) === reader) this.readers.delete(key);
    }
  }

  private record(msg: JsMsg, topic: string, partition: number): LogRecord {
    return {
      topic,
      partition,
      offset: msg.seq,
      event: msg.json<CloudEvent>(),
      attempt: msg.info.deliveryCount,
    };
  }

  /** Copies the record to the dead-letter topic (idempotent: its id is the publish's message id). */
  private async deadLetter(record: LogRecord, group: string, error: string, failures: number): Promise<void> {
    const row = { ...record, appended_at: 0 };
    const event = deadLetterEvent(row, group, error, failures);
    // Every member of the group hears the advisory: the stream's duplicate window keeps one copy.
    if ((await this.publishOne(DEAD_LETTER_TOPIC, event)).duplicate) return;
    this.counts.deadLettered++;
    const { type, id } = record.event;
    this.options.emit?.({ kind: 'dead-lettered', group, topic: record.topic, messageId: id, type, error });
  }

  /** The server gave up on a record nobody acked or nacked (its consumers died each time): copy it from the stream. */
  private async deadLetterLost(
    stream: string,
    group: string,
    topic: string,
    partition: number,
    seq: number,
    deliveries: number,
  ): Promise<void> {
    if (this.closing) return;
    try {
      const stored = await this.manager.streams.getMessage(stream, { seq });
      if (!stored) return;
      const record = { topic, partition, offset: seq, event: stored.json<CloudEvent>() };
      await this.deadLetter(record, group, `no ack after ${deliveries} deliveries`, deliveries);
    } catch (error) {
      this.report(`dead letter for ${topic}/${partition}@${seq}`, error);
    }
  }

  /**
   * A nak or term is one message on the wire, and the client throws when the connection is closed:
   * unsent, the record comes again after the ack wait, which is what a nak asks for anyway.
   */
  private settle(send: () => void, verb: string, msg: JsMsg): void {
    try {
      send();
    } catch (error) {
      this.report(`${verb} of ${msg.subject}@${msg.seq}`, error);
    }
  }

  private report(what: string, error: unknown): void {
    this.options.onError?.(unavailable(what, error, this.config.requestTimeoutMs));
  }
}
