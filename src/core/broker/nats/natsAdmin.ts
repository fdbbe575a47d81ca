// A run's streams and consumers on a JetStream server: make sure they exist
// (idempotent, so every process of a run may call it), and read JetStream's
// own figures — stream sequences, ack floors, pending and redelivered — for
// the canvas. Takes a JetStreamManager; opens no connection of its own.

import { nanos } from '@nats-io/nats-core';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
} from '@nats-io/jetstream';
import type { JetStreamConfig } from './jetStreamConfig';
import { durableName, partitionNames, type PartitionNames } from './natsNames';

const notFound = (error: unknown, code: number) => error instanceof JetStreamApiError && error.code === code;

/** Creates the partition's stream unless it exists (a stream made by another process keeps its settings). */
export async function ensureStream(
  jsm: JetStreamManager,
  names: PartitionNames,
  config: JetStreamConfig,
): Promise<void> {
  try {
    await jsm.streams.info(names.stream);
    return;
  } catch (error) {
    if (!notFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
  }
  const maxAge = config.retentionMs === null ? 0 : nanos(config.retentionMs);
  // The duplicate window may not outlast the records it guards.
  const window =
    config.retentionMs === null
      ? config.duplicateWindowMs
      : Math.min(config.duplicateWindowMs, config.retentionMs);
  await jsm.streams.add({
    name: names.stream,
    subjects: [names.subject],
    storage: StorageType.File,
    retention: RetentionPolicy.Limits,
    discard: DiscardPolicy.Old,
    max_age: maxAge,
    duplicate_window: nanos(window),
    num_replicas: 1,
  });
}

/**
 * Creates `group`'s durable pull consumer on the partition's stream unless it exists. One record in
 * flight at a time (`max_ack_pending: 1`): on server 2.9 a redelivered record would otherwise overtake
 * the ones after it, and the partition's order is the point.
 */
export async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  group: string,
  config: JetStreamConfig,
): Promise<string> {
  const durable = durableName(group);
  try {
    await jsm.consumers.info(stream, durable);
    return durable;
  } catch (error) {
    if (!notFound(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
  }
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    replay_policy: ReplayPolicy.Instant,
    ack_wait: nanos(config.ackWaitMs),
    max_deliver: config.maxAttempts,
    max_ack_pending: 1,
  });
  return durable;
}

export interface RunLayout {
  runId: string;
  topics: string[];
  /** Consumer groups and the topics each subscribes to. */
  groups: { group: string; topics: string[] }[];
}

/** Every stream and consumer of a run, before any process of it publishes or subscribes. */
export async function ensureRun(
  jsm: JetStreamManager,
  layout: RunLayout,
  config: JetStreamConfig,
): Promise<void> {
  const topics = new Set([...layout.topics, ...layout.groups.flatMap((g) => g.topics)]);
  for (const topic of topics)
    for (let p = 0; p < config.partitions; p++)
      await ensureStream(jsm, partitionNames(layout.runId, topic, p), config);
  for (const { group, topics: subscribed } of layout.groups)
    for (const topic of subscribed)
      for (let p = 0; p < config.partitions; p++)
        await ensureConsumer(jsm, partitionNames(layout.runId, topic, p).stream, group, config);
}

export interface PartitionFigures {
  topic: string;
  partition: number;
  stream: string;
  /** Records held now (retention may have dropped older ones). */
  messages: number;
  firstSeq: number;
  /** The stream sequence of the newest record: the partition's end offset. */
  lastSeq: number;
}

export interface ConsumerFigures {
  group: string;
  topic: string;
  partition: number;
  /** Every record up to this stream sequence is acknowledged: the group's committed offset. */
  ackFloor: number;
  /** The highest stream sequence handed over. */
  delivered: number;
  /** Records not yet handed over: the group's lag. */
  numPending: number;
  /** Handed over and not yet acknowledged. */
  numAckPending: number;
  /** Handed over more than once and not yet acknowledged. */
  numRedelivered: number;
}

/** A topic's partitions as JetStream counts them; a partition nobody published to yet reads as empty. */
export async function partitionFigures(
  jsm: JetStreamManager,
  runId: string,
  topic: string,
  partitions: number,
): Promise<PartitionFigures[]> {
  const figures: PartitionFigures[] = [];
  for (let partition = 0; partition < partitions; partition++) {
    const { stream } = partitionNames(runId, topic, partition);
    try {
      const { state } = await jsm.streams.info(stream);
      figures.push({
        topic,
        partition,
        stream,
        messages: state.messages,
        firstSeq: state.first_seq,
        lastSeq: state.last_seq,
      });
    } catch (error) {
      if (!notFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
      figures.push({ topic, partition, stream, messages: 0, firstSeq: 0, lastSeq: 0 });
    }
  }
  return figures;
}

/** A group's consumers on a topic's partitions; one not made yet reads as nothing delivered. */
export async function consumerFigures(
  jsm: JetStreamManager,
  runId: string,
  group: string,
  topic: string,
  partitions: number,
): Promise<ConsumerFigures[]> {
  const figures: ConsumerFigures[] = [];
  for (let partition = 0; partition < partitions; partition++) {
    const { stream } = partitionNames(runId, topic, partition);
    const base = { group, topic, partition };
    try {
      const info = await jsm.consumers.info(stream, durableName(group));
      figures.push({
        ...base,
        ackFloor: info.ack_floor.stream_seq,
        delivered: info.delivered.stream_seq,
        numPending: info.num_pending,
        numAckPending: info.num_ack_pending,
        numRedelivered: info.num_redelivered,
      });
    } catch (error) {
      const missing =
        notFound(error, JetStreamApiCodes.ConsumerNotFound) ||
        notFound(error, JetStreamApiCodes.StreamNotFound);
      if (!missing) throw error;
      figures.push({
        ...base,
        ackFloor: 0,
        delivered: 0,
        numPending: 0,
        numAckPending: 0,
        numRedelivered: 0,
      });
    }
  }
  return figures;
}
