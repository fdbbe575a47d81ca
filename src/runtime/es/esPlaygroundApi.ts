// window.playground in an event-sourced run: the scripting API end-to-end
// tests and demo scripts use. Every call goes through the EsConductor to the
// real workers and their databases.

import type { CrashPoint } from '../../core/crashPoints';
import { INVARIANTS } from '../../core/invariants';
import type { StoredEvent } from '../../core/eventsourcing/eventStore';
import {
  ES_CRASH_POINTS,
  type AggregateAt,
  type CommandResult,
  type EsProcess,
  type ReadModelName,
} from '../../core/eventsourcing/esTypes';
import type { EsController } from '../esController';
import { installPageApi, pageApiBasics } from '../page/pageApi';
import type { EsConductor } from './EsConductor';
import type { SteppingApi } from '../stepping/steppingApi';

export interface EsPlaygroundApi
  extends Omit<EsController, 'subscribe' | 'crashAt' | 'orderCommand' | 'accountCommand'>, SteppingApi {
  /** Tells this API from the shop's: one window.playground slot, the page's topology decides which it holds. */
  readonly topology: 'event-sourced';
  /** The points each process can crash at. */
  readonly crashPoints: typeof ES_CRASH_POINTS;
  readonly invariants: typeof INVARIANTS;
  /** Resolves when all three processes have started and opened their databases. */
  ready(): Promise<void>;
  /** Arms a crash for the `nth` time (default 1) the process reaches `point`; resolves once armed. */
  crashAt(process: EsProcess, point: CrashPoint, nth?: number): Promise<void>;
  orderCommand: EsConductor['orderCommand'];
  accountCommand: EsConductor['accountCommand'];
  events(aggregateId: string): Promise<StoredEvent[]>;
  stateAt(aggregateId: string, version?: number, snapshots?: boolean): Promise<AggregateAt>;
  readModel(name: ReadModelName): Promise<Record<string, unknown>[]>;
}

export function createEsPlaygroundApi(conductor: EsConductor, started: Promise<void>): EsPlaygroundApi {
  return {
    ...pageApiBasics('event-sourced', conductor, ES_CRASH_POINTS, started),
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

/** Installs the API as window.playground (see installPageApi). */
export function installEsPlaygroundApi(api: EsPlaygroundApi): void {
  installPageApi(api);
}
