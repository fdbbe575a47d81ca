// What the BroadcastChannel broker is built with: its settings (partitions,
// batching, retries, sessions, retention) and the host's storage, wire, clock
// and telemetry.

import type { Clock } from '../clock';
import type { Fact } from '../telemetry';
import type { OpenChannel } from '../transport';
import type { BrokerDb } from './brokerDb';

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
