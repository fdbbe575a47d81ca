// The units of work a deterministic event-sourced run grants its processes,
// and what each process says it still has to do. Types only; EsHost and
// QueryHost perform them, esWorld.ts (src/core/sim) offers them.

import type { TransferLeg } from './transfers';

export type EsStep =
  /** The next leg of a transfer in flight (the bank). */
  | { kind: 'leg'; transferId: string; leg: TransferLeg }
  /** One projection batch per source (the query service). */
  | { kind: 'project' }
  /** A call by name with its arguments: a workload item or a user's command. */
  | { kind: 'command'; name: string; input: unknown };

export interface EsPending {
  /** The bank's transfers in flight, each with the leg it needs next. */
  legs: { transferId: string; leg: TransferLeg }[];
  /** The query service: events its projections have not applied yet. */
  behind: number;
}
