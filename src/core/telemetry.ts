// Facts that workers report to the UI. Every fact describes something that
// already happened: a committed transaction, a message handed over the wire,
// a broker offset that was persisted. The canvas shows nothing else.

import type { ProcessName } from './vocabulary';
import type { RelayStats } from './service/relayMeter';
import type { ServiceName, Row, TableDump } from './rows';
import type { CrashPoint } from './crashPoints';
import type { ConsumerFigures, PartitionFigures } from './broker/nats/natsAdmin';

export type Change =
  | { table: string; op: 'put'; key: unknown; row: Row }
  | { table: string; op: 'delete'; key: unknown }
  | { table: string; op: 'clear' };

export interface PartitionStat {
  topic: string;
  partition: number;
  /** Next offset to be written: the number of records ever appended. */
  endOffset: number;
}

export interface GroupPartitionStat {
  group: string;
  topic: string;
  partition: number;
  /** Every record below this offset is acknowledged by the group. */
  committed: number;
  /** Records handed to the consumer and not yet acknowledged. */
  inflight: number;
  lag: number;
  member: string | null;
}

export interface BrokerStats {
  partitions: PartitionStat[];
  groups: GroupPartitionStat[];
  deadLetters: number;
  paused: boolean;
  /** The log's retention setting (null: kept for ever) and how many records this broker process deleted under it. */
  retention?: { logMs: number | null; pruned: number };
  /** Which broker carries the run (absent: the local one, as asked). */
  carrier?: BrokerCarrier;
}

/** JetStream's own figures for a run, read from the server, and the republishes its duplicate window dropped. */
export interface JetStreamFigures {
  url: string;
  streams: PartitionFigures[];
  consumers: (ConsumerFigures & { attached: boolean })[];
  /** Publishes the streams' duplicate window dropped, as the services' ports reported them. */
  dedupDropped: number;
}

export type BrokerCarrier =
  /** The local broker; `natsAsked`: the link asked for NATS at that address, and a deterministic run stays here. */
  { kind: 'local'; natsAsked?: string } | { kind: 'nats'; jetstream: JetStreamFigures };

export type { ProcessName } from './vocabulary';

/** The simulation time a deterministic run's process stamps on each fact it sends: the time of its step. */
export interface FactTime {
  at?: number;
}

export type Fact =
  /** A full read of a service's database, sent after every (re)start. */
  | { kind: 'hydrate'; service: ServiceName; tables: TableDump }
  /** One committed transaction's changes, in commit order. */
  | { kind: 'commit'; service: ServiceName; changes: Change[] }
  | { kind: 'published'; service: ServiceName; count: number; topics: string[] }
  /** What the service's outbox relay has cost and how quickly it publishes (polling and log-tailing alike). */
  | { kind: 'relay'; service: ServiceName; stats: RelayStats }
  /** A log-tailing relay saw an outbox row updated: outbox rows are append-only, so the update is not routed. */
  | { kind: 'relay-warning'; service: ServiceName; warning: string }
  | { kind: 'delivered'; service: ServiceName; count: number; topic: string }
  /** Dual write: a publish the broker never confirmed; no outbox row remains to retry it. */
  | { kind: 'publish-lost'; service: ServiceName; types: string[]; error: string }
  | { kind: 'duplicate'; service: ServiceName; messageId: string; type: string }
  /** A republish the broker itself dropped (JetStream's duplicate window, by Nats-Msg-Id): it had the record at `offset`. */
  | { kind: 'broker-duplicate'; service: ServiceName; messageId: string; type: string; offset: number }
  | { kind: 'handler-failed'; service: ServiceName; messageId: string; type: string; error: string }
  | { kind: 'dead-lettered'; group: string; topic: string; messageId: string; type: string; error: string }
  | { kind: 'broker'; stats: BrokerStats }
  /** One committed transaction of the broker's own database (log, topics, offsets, attempts): what the history folds. */
  | { kind: 'broker-commit'; changes: Change[] }
  /** A full read of the broker's database, sent after every (re)start. */
  | { kind: 'broker-hydrate'; tables: TableDump }
  | { kind: 'crashed'; process: ProcessName; point: CrashPoint | 'manual' }
  /** A fault the broker was asked to inject has just fired (the plan's logical trigger was met). */
  | {
      kind: 'broker-fault';
      fault: 'duplicate' | 'delay' | 'broker-outage';
      group: string | null;
      type: string | null;
      /** On JetStream, the service whose own port injected it (so a workshop's other browsers hear it too). */
      service?: ServiceName;
    }
  | { kind: 'ready'; process: ProcessName };
