// The units of work a deterministic CDC run grants its processes, and what
// the connector says it still has to do. Types only; the hosts perform them,
// cdcWorld.ts (src/core/sim) offers them.

export type CdcStep =
  /** The connector loads its position (snapshotting first when it has none). */
  | { kind: 'connect' }
  /** The connector reads one batch of the change log and publishes it. */
  | { kind: 'poll' }
  /** The query service takes up to `max` records of one partition, applies and acknowledges them. */
  | { kind: 'consume'; topic: string; partition: number; max: number }
  /** A call by name with its arguments: a workload write or a user's command. */
  | { kind: 'command'; name: string; input: unknown };

export interface ConnectorPending {
  connected: boolean;
  /** Changes in the log past the stored position, or a batch or snapshot left in flight. */
  behind: boolean;
}
