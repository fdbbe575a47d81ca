// window.playground: the scripting API end-to-end tests and demo scripts use.
// Every call goes through the conductor to the real workers and databases.

import { CRASH_POINT_NAMES, isCrashPoint, type CrashPoint } from '../core/crashPoints';
import { INVARIANTS, type Anomaly } from '../core/invariants';
import type { ServiceConfig } from '../core/service/definition';
import type { ProcessName } from '../core/telemetry';
import type { ShopConductor as Conductor, Snapshot } from './shop/ShopConductor';
import type { SagaView } from '../core/saga/sagaView';
import type { ServiceName } from '../core/rows';
import type { PlaceOrderInput, ProcessStatus, RunMode, SimState } from './controller';
import type { Fault } from '../core/faults/faultPlan';
import type { LogRow } from '../core/broker/brokerDb';
import type { ChangeRecord } from '../core/cdc/changeEvent';
import { changeRecordsOf, relayPositionOf } from '../core/cdc/tableDumpReads';

export interface PlaygroundApi {
  readonly runId: string;
  readonly crashPoints: readonly CrashPoint[];
  readonly invariants: typeof INVARIANTS;
  /** Resolves when the broker and every service have started. */
  ready(): Promise<void>;
  placeOrder(input?: Partial<PlaceOrderInput>): Promise<string>;
  placeOrders(count: number): Promise<string[]>;
  /** Arms a crash for the `nth` time (default 1) the process reaches `point`: a logical trigger. */
  crashAt(process: ProcessName, point: CrashPoint, nth?: number): void;
  crashNow(process: ProcessName): void;
  restart(process: ProcessName): Promise<void>;
  status(process: ProcessName): ProcessStatus;
  play(): void;
  pause(): void;
  configure(patch: Partial<ServiceConfig>): Promise<void>;
  settle(timeoutMs?: number): Promise<void>;
  snapshot(): Promise<Snapshot>;
  anomalies(): Anomaly[];
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
  setSpeed(speed: number): void;
  readonly mode: RunMode;
  /** Where the scheduler stands: steps granted, simulation time, trace hash, done. */
  sim(): SimState;
  /** Deterministic runs: grant one step. */
  step(): Promise<void>;
  /** Deterministic runs: grant steps until nothing is left, then check the invariants. */
  runToEnd(): Promise<void>;
  /** Deterministic runs: one line per granted step. */
  trace(): string[];
  /** A fingerprint of every database (the broker's live view left out). */
  stateHash(): Promise<string>;
  /** Every record of the broker's log, read from its database. */
  brokerLog(): Promise<LogRow[]>;
  faultPlan(): Fault[];
  /** A service's change log as Debezium envelopes (key, before/after/op/source/ts_ms); empty unless its relay tails the log. */
  changes(service: ServiceName): Promise<ChangeRecord[]>;
  /** Each service's log-tailing relay position in its change log (null where the relay polls the outbox). */
  relayPositions(): Promise<Partial<Record<ServiceName, number | null>>>;
  /** Replaces the fault plan (validated like a share link's); faults already fired stay fired. */
  setFaultPlan(plan: Fault[]): Promise<void>;
}

export function createPlaygroundApi(conductor: Conductor, started: Promise<void>): PlaygroundApi {
  return {
    ready: () => started,
    runId: conductor.runId,
    crashPoints: CRASH_POINT_NAMES,
    invariants: INVARIANTS,
    placeOrder: (input) => conductor.placeOrder(input),
    placeOrders: (count) => conductor.placeOrders(count),
    crashAt(process, point, nth) {
      if (!isCrashPoint(point))
        throw new Error(`unknown crash point "${point}"; known: ${CRASH_POINT_NAMES.join(', ')}`);
      conductor.crashAt(process, point, nth);
    },
    crashNow: (process) => conductor.crashNow(process),
    restart: (process) => conductor.restart(process),
    status: (process) => conductor.status(process),
    play: () => conductor.play(),
    pause: () => conductor.pause(),
    configure: (patch) => conductor.configure(patch),
    settle: (timeoutMs) => conductor.settle(timeoutMs),
    snapshot: () => conductor.snapshot(),
    anomalies: () => conductor.anomalies(),
    sagas: () => conductor.sagas(),
    retrySaga: (id) => conductor.sagaAction('retrySaga', id),
    skipStep: (id) => conductor.sagaAction('skipStep', id),
    forceCompensation: (id) => conductor.sagaAction('forceCompensation', id),
    editRow: (service, table, row) => conductor.editRow(service, table, row),
    duplicateNext: (group, type) => conductor.brokerFault('duplicateNext', group, type),
    refusePublishes: (publishes) => conductor.brokerFault('refusePublishes', publishes),
    delayNext: (group, type, ms) => conductor.brokerFault('delayNext', group, type, ms),
    setSpeed: (speed) => conductor.setSpeed(speed),
    mode: conductor.mode,
    sim: () => conductor.simState(),
    step: () => conductor.step(),
    runToEnd: () => conductor.runToEnd(),
    trace: () => conductor.trace(),
    stateHash: () => conductor.stateHash(),
    brokerLog: () => conductor.brokerLog(),
    faultPlan: () => conductor.faultPlan,
    changes: async (service) =>
      changeRecordsOf((await conductor.snapshot()).services[service as Exclude<ServiceName, 'orchestrator'>]),
    relayPositions: async () => {
      const { services } = await conductor.snapshot();
      return Object.fromEntries(
        Object.entries(services).map(([service, dump]) => [service, relayPositionOf(dump)]),
      );
    },
    setFaultPlan: (plan) => conductor.setFaultPlan(plan),
  };
}

declare global {
  interface Window {
    playground?: PlaygroundApi;
  }
}
