// Messages between the conductor (main thread) and a worker it owns.

import type { ProcessName } from '../core/telemetry';
import type { CrashPoint } from '../core/crashPoints';
import type { ServiceConfig } from '../core/service/definition';
import type { SimTiming } from '../core/clock';

export type ToWorker =
  | {
      type: 'init';
      runId: string;
      process: ProcessName;
      config: ServiceConfig;
      paused: boolean;
      timing: SimTiming;
      deterministic?: DeterministicInit;
    }
  | { type: 'rpc'; id: number; method: string; args: unknown[] };

/** A deterministic run's process: ids drawn from `seed` and `salt` (its incarnation), clock starting at `at`. */
export interface DeterministicInit {
  seed: number;
  salt: string;
  at: number;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'crashed'; point: CrashPoint }
  | { type: 'rpc.result'; id: number; ok: true; value: unknown }
  | { type: 'rpc.result'; id: number; ok: false; error: string };
