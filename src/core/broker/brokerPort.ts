// The broker as a process that talks to it sees it: publish a batch, join a
// consumer group, take deliveries (pushed in a live run, fetched in a
// deterministic one), acknowledge or nack. An interface only: it imports no
// implementation, so relays, consumers, the connector and the query hosts are
// given a port and never know which broker is behind it.
//
// Implementation one is BrokerClient (the BroadcastChannel + IndexedDB log in
// its own worker). The shape is also JetStream's: a group is a durable pull
// consumer per partition with explicit acks, an offset is a stream sequence,
// `attempt` is the message's delivery count, an event's id is the publish's
// `Nats-Msg-Id`, and a record nacked `maxAttempts` times becomes a dead letter.

import type { CloudEvent, LogRecord } from '../envelope';

export interface OutgoingMessage {
  topic: string;
  event: CloudEvent;
}

/** Records of one partition handed to one member of a group, in offset order. */
export interface Delivery {
  group: string;
  topic: string;
  partition: number;
  records: LogRecord[];
}

export interface FetchedBatch {
  records: LogRecord[];
  /** A duplicate fault asks the consumer to take this batch twice. */
  duplicate: boolean;
  /** A delay fault held the partition back: nothing was handed over. */
  heldBack: boolean;
}

/** Why a request failed without a crash: the broker refused it, or did not confirm it in time. */
export class BrokerUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrokerUnavailable';
  }
}

export interface BrokerPort {
  /**
   * Appends the batch; resolves with each message's offset once every record is durable. Rejects when the
   * broker refused or did not confirm in time: the caller still holds the batch and publishes it again later.
   */
  publish(messages: OutgoingMessage[]): Promise<number[]>;

  /**
   * Joins `group` for `topics`. In a live run records are pushed to `onDeliver`; in a deterministic one
   * nothing is pushed (the consumer fetches) and this resolves once the broker has the member.
   * `types`: the event types the member handles (absent: every type). A broker may hand over only those,
   * moving the group's offset past the rest without delivering them; one that cannot filter (JetStream
   * here) hands over everything, so a consumer must still pass over a type it does not handle.
   */
  subscribe(
    group: string,
    topics: string[],
    onDeliver: (delivery: Delivery) => void,
    types?: string[],
  ): Promise<void>;

  /** Deterministic runs: takes up to `max` records of one partition now, past what the group holds. */
  fetch(group: string, topic: string, partition: number, max: number): Promise<FetchedBatch>;

  /** Commits the group's offset past `offset` (everything up to it is done). Resolves once durable in a deterministic run. */
  ack(group: string, topic: string, partition: number, offset: number): Promise<void>;

  /**
   * The record at `offset` failed: it and everything after it in the partition is handed over again after
   * a backoff, until it has failed too often and goes to the dead-letter topic.
   */
  nack(group: string, topic: string, partition: number, offset: number, error: string): Promise<void>;

  /** Leaves the broker: pending requests fail, nothing more is delivered to this process. */
  close(): void;
}

/**
 * A port a layer can hold deliveries back on (the fault layer's delay): records handed over, and not yet
 * seen by the consumer, go back without counting as a failed attempt, and their partition waits.
 * The broker serves its wire through one (see servedPort.ts); JetStream would pause the partition's
 * consumer, or nak its messages with a delay.
 */
export interface HoldablePort extends BrokerPort {
  /** The group's records of this partition from `offset` on are handed over again once `ms` have passed. */
  holdBack(group: string, topic: string, partition: number, offset: number, ms: number): Promise<void>;
}
