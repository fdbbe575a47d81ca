// What the conductor, the canvas and a deterministic scheduler ask of a
// broker, beside the traffic its processes send through the port: pause,
// what it still owes, a dump of topics, committed offsets, dead letters and
// retention for the canvas and the checker, the whole log for exports, which
// partitions could be fetched next, and the faults to arm. An interface only:
// it imports no implementation. The BroadcastChannel broker's worker serves it
// (src/workers/broker.worker.ts); JetStream would read stream and consumer
// info (the dead-letter stream, each durable consumer's ack floor).

import type { CloudEvent } from '../envelope';
import type { BrokerStats } from '../telemetry';
import type { SimTiming } from '../clock';

/** One record of the log as stored: where it sits, the event, and when it was appended. */
export interface LogRow {
  topic: string;
  partition: number;
  offset: number;
  event: CloudEvent;
  appended_at: number;
}

export interface BrokerDump {
  topics: { name: string; partitions: { partition: number; endOffset: number; records: number }[] }[];
  offsets: { group: string; topic: string; partition: number; committed: number }[];
  deadLetters: unknown[];
  /** Per topic, every subject (aggregate id) it holds a record for: proof an event reached the broker. */
  subjects: Record<string, string[]>;
  /** The broker's live view: members, in-flight counts, lag. */
  live: BrokerStats;
  /**
   * Log retention, per topic: records appended at or before this time may have been deleted, so `subjects`
   * no longer proves (or disproves) that an event older than that reached the broker.
   */
  prunedUntil: Record<string, number>;
}

export interface DeliverableCursor {
  group: string;
  member: string;
  topic: string;
  partition: number;
  /** Records from the next offset to hand over to the end of the partition. */
  available: number;
  /** A nacked record's backoff or a delay fault holds the partition until this simulation time. */
  blockedUntil: number;
}

/** Work a broker still owes before a run can settle. */
export interface BrokerStatus {
  /** Records some group has not acknowledged yet. */
  lag: number;
  /** Writes (records, offsets) not yet durable. */
  pendingWrites: number;
}

export interface BrokerOperations {
  setPaused(paused: boolean): void;
  /** How simulation time runs now (a live shop run's broker stamps its facts with it). */
  setTiming?(timing: SimTiming): void;
  status(): BrokerStatus;
  /** Topics, committed offsets, dead letters, subjects and retention, read from the broker's storage. */
  dump(): Promise<BrokerDump>;
  /** Every record, dead letters included, for the run's exports. */
  log(): Promise<LogRow[]>;
  /** Deterministic runs: the partitions with records to hand over, and to whom. */
  deliverable(): DeliverableCursor[];
  /** The next record of `type` to `group` is handed over twice (see faultLayer.ts for every fault). */
  duplicateNext(group: string, type: string): void;
  /** The next `publishes` publishes are refused. */
  refusePublishes(publishes: number): void;
  /** The next batch of `group` holding a record of `type` is held back `ms` while the other partitions go on. */
  delayNext(group: string, type: string, ms: number): void;
  /** Forgets every armed fault (a fault plan was replaced). */
  clearFaults(): void;
}
