// window.playground in an event-sourced run: the scripting API end-to-end
// tests and demo scripts use. Every call goes through the EsConductor to the
// real workers and their databases. The basics every run shares are
// runApiBasics'; the rest is this run's.

import { CRASH_POINTS, type CrashPoint } from '../../core/crashPoints';
import type { EsSystemSnapshot } from '../../core/eventsourcing/esInvariants';
import type { StoredEvent } from '../../core/eventsourcing/eventStore';
import {
  ES_CRASH_POINTS,
  type AggregateAt,
  type CommandResult,
  type EsProcess,
  type ReadModelName,
} from '../../core/eventsourcing/esTypes';
import { runApiBasics, type RunApiBasics } from '../api/runApiBasics';
import type { EsController } from '../esController';
import type { EsConductor } from './EsConductor';

export interface EsPlaygroundApi
  extends
    RunApiBasics<'event-sourced', EsProcess, typeof ES_CRASH_POINTS, EsSystemSnapshot>,
    Omit<
      EsController,
      | keyof RunApiBasics<'event-sourced', EsProcess, unknown, unknown>
      | 'subscribe'
      | 'simState'
      | 'recordedFacts'
      | 'historyStats'
    > {
  orderCommand: EsConductor['orderCommand'];
  accountCommand: EsConductor['accountCommand'];
  events(aggregateId: string): Promise<StoredEvent[]>;
  stateAt(aggregateId: string, version?: number, snapshots?: boolean): Promise<AggregateAt>;
  readModel(name: ReadModelName): Promise<Record<string, unknown>[]>;
}

export function createEsPlaygroundApi(conductor: EsConductor, started: Promise<void>): EsPlaygroundApi {
  return {
    ...runApiBasics(conductor, {
      topology: 'event-sourced',
      crashPoints: ES_CRASH_POINTS,
      knownPoints: Object.keys(CRASH_POINTS) as CrashPoint[],
      started,
    }),
    orderCommand: (orderId, command): Promise<CommandResult> => conductor.orderCommand(orderId, command),
    accountCommand: (accountId, command): Promise<CommandResult> =>
      conductor.accountCommand(accountId, command),
    transfer: (from, to, amount) => conductor.transfer(from, to, amount),
    stageRace: (orderId) => conductor.stageRace(orderId),
    growOrder: (orderId, count) => conductor.growOrder(orderId, count),
    streams: () => conductor.streams(),
    events: (aggregateId) => conductor.events(aggregateId),
    stateAt: (aggregateId, version, snapshots) => conductor.stateAt(aggregateId, version, snapshots),
    loadStats: (aggregateId) => conductor.loadStats(aggregateId),
    readModel: (name) => conductor.readModel(name),
    projectionLag: () => conductor.projectionLag(),
    rebuildReadModel: (name) => conductor.rebuildReadModel(name),
    readYourWrites: (remedy) => conductor.readYourWrites(remedy),
  };
}
