// window.playground in a shop run: the scripting API end-to-end tests and demo
// scripts use. Every call goes through the conductor to the real workers and
// databases. The basics every run shares are runApiBasics'; the rest is the shop's.

import { CRASH_POINT_NAMES, type CrashPoint } from '../core/crashPoints';
import type { ServiceConfig } from '../core/service/definition';
import type { ProcessName } from '../core/telemetry';
import type { SagaView } from '../core/saga/sagaView';
import type { ServiceName } from '../core/rows';
import type { PlaceOrderInput } from '../core/services/catalog';
import type { LogRow } from '../core/broker/brokerDb';
import type { ChangeRecord } from '../core/cdc/changeEvent';
import { changeRecordsOf, relayPositionOf } from '../core/cdc/tableDumpReads';
import { runApiBasics, type RunApiBasics } from './api/runApiBasics';
import type { ShopConductor, Snapshot } from './shop/ShopConductor';

export interface PlaygroundApi extends RunApiBasics<'shop', ProcessName, readonly CrashPoint[], Snapshot> {
  placeOrder(input?: Partial<PlaceOrderInput>): Promise<string>;
  placeOrders(count: number): Promise<string[]>;
  configure(patch: Partial<ServiceConfig>): Promise<void>;
  /** Every saga with its state and step history: orchestrated ones from the orchestrator, choreographed ones from the events. */
  sagas(): Promise<SagaView[]>;
  retrySaga(sagaId: string): Promise<string>;
  skipStep(sagaId: string): Promise<string>;
  forceCompensation(sagaId: string): Promise<string>;
  editRow(service: ServiceName, table: string, row: Record<string, unknown>): Promise<void>;
  duplicateNext(group: ServiceName, type: string): Promise<void>;
  /** Fault: the broker refuses the next `publishes` publishes; outboxes keep their rows meanwhile. */
  refusePublishes(publishes: number): Promise<void>;
  /** Fault: the next `type` to `group` is held back `ms` while other partitions go ahead (never reorders within one). */
  delayNext(group: ServiceName, type: string, ms: number): Promise<void>;
  /** Every record of the broker's log, read from its database. */
  brokerLog(): Promise<LogRow[]>;
  /** A service's change log as Debezium envelopes (key, before/after/op/source/ts_ms); empty unless its relay tails the log. */
  changes(service: ServiceName): Promise<ChangeRecord[]>;
  /** Each service's log-tailing relay position in its change log (null where the relay polls the outbox). */
  relayPositions(): Promise<Partial<Record<ServiceName, number | null>>>;
}

export function createPlaygroundApi(conductor: ShopConductor, started: Promise<void>): PlaygroundApi {
  return {
    ...runApiBasics(conductor, {
      topology: 'shop',
      crashPoints: CRASH_POINT_NAMES,
      knownPoints: CRASH_POINT_NAMES,
      started,
    }),
    placeOrder: (input) => conductor.placeOrder(input),
    placeOrders: (count) => conductor.placeOrders(count),
    configure: (patch) => conductor.configure(patch),
    sagas: () => conductor.sagas(),
    retrySaga: (id) => conductor.sagaAction('retrySaga', id),
    skipStep: (id) => conductor.sagaAction('skipStep', id),
    forceCompensation: (id) => conductor.sagaAction('forceCompensation', id),
    editRow: (service, table, row) => conductor.editRow(service, table, row),
    duplicateNext: (group, type) => conductor.brokerFault('duplicateNext', group, type),
    refusePublishes: (publishes) => conductor.brokerFault('refusePublishes', publishes),
    delayNext: (group, type, ms) => conductor.brokerFault('delayNext', group, type, ms),
    brokerLog: () => conductor.brokerLog(),
    changes: async (service) =>
      changeRecordsOf((await conductor.snapshot()).services[service as Exclude<ServiceName, 'orchestrator'>]),
    relayPositions: async () => {
      const { services } = await conductor.snapshot();
      return Object.fromEntries(
        Object.entries(services).map(([service, dump]) => [service, relayPositionOf(dump)]),
      );
    },
  };
}
