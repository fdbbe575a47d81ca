// Messages between the conductor (main thread) and a worker it owns. A worker
// hears once, first, which run and process it is and the options its
// topology starts it with (startOptions.ts); then only calls.

import type { CrashPoint } from '../core/crashPoints';

/** `O`: what this process's topology gives it at start (startOptions.ts). */
export interface StartMessage<O = unknown> {
  type: 'start';
  runId: string;
  process: string;
  options: O;
}

export type ToWorker<O = unknown> =
  StartMessage<O> | { type: 'rpc'; id: number; method: string; args: unknown[] };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'fatal'; code: string; message: string }
  | { type: 'crashed'; point: CrashPoint }
  | { type: 'rpc.result'; id: number; ok: true; value: unknown }
  | { type: 'rpc.result'; id: number; ok: false; error: string };
