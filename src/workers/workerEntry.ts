// Shared wiring for worker entry points: answers the conductor's RPCs, sends
// telemetry in batches, reports fatal start-up errors, and dies for real at a
// crash point (flush the last facts, tell the conductor, close).

import { TelemetryBatcher } from '../core/telemetryBatcher';
import { broadcastChannels, channelNames } from '../core/transport';
import type { Fact, FactTime } from '../core/telemetry';
import type { CrashPoint } from '../core/crashPoints';
import type { FromWorker, StartMessage, ToWorker } from '../runtime/workerProtocol';

export type Methods = Record<string, (...args: never[]) => unknown>;

/** `O`: the options this process's topology starts it with (runtime/startOptions.ts). */
export interface WorkerKit<O = unknown> {
  init: StartMessage<O>;
  openChannel: ReturnType<typeof broadcastChannels>;
  dexie: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };
  emit: (fact: Fact) => void;
  /**
   * A deterministic run's process stamps each fact with the simulation time of the step it happened in, so the
   * run's history places it at that step however late its batch arrives.
   */
  stampFacts: (now: () => number) => void;
  die: (point: CrashPoint) => void;
  /** Reports a problem that keeps this process from starting (a blocked database, say). */
  fatal: (code: string, message: string) => void;
}

const scope = self as unknown as {
  postMessage(m: FromWorker): void;
  close(): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

export function serveWorker<O>(start: (kit: WorkerKit<O>) => Promise<Methods>): void {
  let methods: Methods | null = null;
  const queued: Extract<ToWorker, { type: 'rpc' }>[] = [];

  scope.onmessage = async ({ data }) => {
    if (data.type === 'rpc') {
      if (methods) void answer(methods, data);
      else queued.push(data);
      return;
    }
    const openChannel = broadcastChannels(BroadcastChannel);
    const telemetry = openChannel(channelNames(data.runId).telemetry);
    let factTime: (() => number) | null = null;
    // A live run's frames are folded (telemetryBatcher.ts); a deterministic run's stamped facts go as they are.
    const batcher = new TelemetryBatcher(
      (facts) => telemetry.post(facts),
      () => !factTime,
    );
    let dying = false;
    const emit = (fact: Fact) => {
      batcher.emit(factTime ? Object.assign(fact, { at: factTime() } satisfies FactTime) : fact);
      // The commit that triggered a crash is reported after the crash point fired, in the same task.
      if (dying) batcher.flush();
    };
    const die = (point: CrashPoint) => {
      dying = true;
      batcher.flush();
      scope.postMessage({ type: 'crashed', point });
      // Close once this task is over (the conductor terminates us too). Until then nothing can commit:
      // every write passes a crash point inside its transaction, and a dead switch throws there.
      setTimeout(() => scope.close(), 0);
    };
    try {
      if (typeof indexedDB === 'undefined')
        throw Object.assign(new Error('indexedDB is undefined'), { code: 'IDB_UNAVAILABLE' });
      const fatal = (code: string, message: string) => scope.postMessage({ type: 'fatal', code, message });
      methods = await start({
        init: data as StartMessage<O>,
        openChannel,
        dexie: { indexedDB, IDBKeyRange },
        emit,
        stampFacts: (now) => void (factTime = now),
        die,
        fatal,
      });
      scope.postMessage({ type: 'ready' });
      for (const rpc of queued.splice(0)) void answer(methods, rpc);
    } catch (error) {
      const code =
        (error as { code?: string }).code ??
        ((error as Error).name === 'MissingAPIError' ? 'IDB_UNAVAILABLE' : 'PROCESS_FAILED');
      scope.postMessage({ type: 'fatal', code, message: String((error as Error).message ?? error) });
    }
  };
}

async function answer(methods: Methods, rpc: Extract<ToWorker, { type: 'rpc' }>): Promise<void> {
  try {
    const method = methods[rpc.method];
    if (!method) throw new Error(`no method ${rpc.method}`);
    const value = await (method as (...args: unknown[]) => unknown)(...rpc.args);
    scope.postMessage({ type: 'rpc.result', id: rpc.id, ok: true, value });
  } catch (error) {
    if ((error as Error)?.name === 'CrashSignal') return; // the process is gone; the conductor rejects the call
    scope.postMessage({
      type: 'rpc.result',
      id: rpc.id,
      ok: false,
      error: String((error as Error)?.message ?? error),
    });
  }
}
