// What the JetStream port is built with: the same partitioning, attempts and
// backoff as the BroadcastChannel broker (so a scenario behaves alike on
// both), plus JetStream's own ack wait, duplicate window and request timeout.

import { DEFAULT_BROKER_CONFIG } from '../brokerConfig';

export interface JetStreamConfig {
  /** Partitions per topic: one stream each. Every process of a run must agree on it. */
  partitions: number;
  /** Deliveries after which a record goes to the dead-letter stream (the consumers' `max_deliver`). */
  maxAttempts: number;
  /** How long a nacked record waits before it is delivered again (the `nak` delay). */
  retryBackoffMs: number;
  /** A delivery neither acked nor nacked this long is handed over again (`ack_wait`): a dead consumer's records. */
  ackWaitMs: number;
  /** A republish with the same `Nats-Msg-Id` within this window is dropped by the stream. */
  duplicateWindowMs: number;
  /** Streams drop records older than this (`max_age`); null keeps them all. */
  retentionMs: number | null;
  /** How long a publish or an API request waits for the server before it fails as BrokerUnavailable. */
  requestTimeoutMs: number;
  /** How long a deterministic fetch waits for a record before it returns nothing (the client allows 1000 at least). */
  fetchWaitMs: number;
}

export const DEFAULT_JETSTREAM_CONFIG: JetStreamConfig = {
  partitions: DEFAULT_BROKER_CONFIG.partitions,
  maxAttempts: DEFAULT_BROKER_CONFIG.maxAttempts,
  retryBackoffMs: DEFAULT_BROKER_CONFIG.retryBackoffMs,
  ackWaitMs: 5000,
  duplicateWindowMs: 120_000,
  retentionMs: DEFAULT_BROKER_CONFIG.logRetentionMs,
  requestTimeoutMs: 2000,
  fetchWaitMs: 1000,
};
