// window.playground: the scripting API end-to-end tests and demo scripts use.
// Every call goes through the conductor to the real workers and databases.

import { CRASH_POINT_NAMES, isCrashPoint, type CrashPoint } from '../core/crashPoints';
import { INVARIANTS, type Anomaly } from '../core/invariants';
import type { ServiceConfig } from '../core/service/definition';
import type { ProcessName } from '../core/telemetry';
import type { Conductor, Snapshot } from './conductor';
import type { PlaceOrderInput, ProcessStatus } from './controller';

export interface PlaygroundApi {
  readonly runId: string;
  readonly crashPoints: readonly CrashPoint[];
  readonly invariants: typeof INVARIANTS;
  /** Resolves when the broker and every service have started. */
  ready(): Promise<void>;
  placeOrder(input?: Partial<PlaceOrderInput>): Promise<string>;
  placeOrders(count: number): Promise<string[]>;
  crashAt(process: ProcessName, point: CrashPoint): void;
  crashNow(process: ProcessName): void;
  restart(process: ProcessName): Promise<void>;
  status(process: ProcessName): ProcessStatus;
  play(): void;
  pause(): void;
  configure(patch: Partial<ServiceConfig>): Promise<void>;
  settle(timeoutMs?: number): Promise<void>;
  snapshot(): Promise<Snapshot>;
  anomalies(): Anomaly[];
}

export function createPlaygroundApi(conductor: Conductor, started: Promise<void>): PlaygroundApi {
  return {
    ready: () => started,
    runId: conductor.runId,
    crashPoints: CRASH_POINT_NAMES,
    invariants: INVARIANTS,
    placeOrder: (input) => conductor.placeOrder(input),
    placeOrders: (count) => conductor.placeOrders(count),
    crashAt(process, point) {
      if (!isCrashPoint(point)) throw new Error(`unknown crash point "${point}"; known: ${CRASH_POINT_NAMES.join(', ')}`);
      conductor.crashAt(process, point);
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
  };
}

declare global {
  interface Window {
    playground?: PlaygroundApi;
  }
}
