// One process the conductor owns: a real Web Worker it can start, call,
// and kill. Killing is Worker.terminate(): the worker stops mid-step, and
// whatever it had not committed is gone.

import type { ProcessName } from '../core/telemetry';
import type { CrashPoint } from '../core/crashPoints';
import type { FromWorker, StartMessage, ToWorker } from './workerProtocol';
import { PlaygroundError } from './errors';
import type { ProcessStatus } from './controller';

export interface ProcessEvents {
  onStatus(status: ProcessStatus, armed: CrashPoint | null): void;
  onCrashed(point: CrashPoint | 'manual'): void;
  onFatal(code: string, message: string): void;
}

/** `N`: the run's process names (the shop's by default); `spawn` starts the worker script a process runs. */
export class ProcessHandle<N extends string = ProcessName> {
  status: ProcessStatus = 'crashed';
  armed: CrashPoint | null = null;
  private worker: Worker | null = null;
  private calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextCall = 0;

  constructor(
    readonly name: N,
    private readonly events: ProcessEvents,
    private readonly spawn: (name: N) => Worker,
  ) {}

  get alive(): boolean {
    return this.status === 'running';
  }

  /** Starts the worker with what its topology gives it (`options`); resolves once it says it is ready. */
  start(init: Omit<StartMessage, 'type' | 'process'>, restarting = false): Promise<void> {
    this.setStatus(restarting ? 'restarting' : 'starting', null);
    const worker = this.spawn(this.name);
    this.worker = worker;
    return new Promise((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
        if (this.worker !== worker) return;
        switch (data.type) {
          case 'ready':
            this.setStatus('running', null);
            resolve();
            return;
          case 'fatal':
            this.kill();
            this.events.onFatal(data.code, data.message);
            reject(new Error(data.message));
            return;
          case 'crashed':
            this.kill(data.point);
            return;
          case 'rpc.result': {
            const call = this.calls.get(data.id);
            this.calls.delete(data.id);
            if (data.ok) call?.resolve(data.value);
            else call?.reject(new Error(data.error));
          }
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        if (this.status === 'starting' || this.status === 'restarting') {
          this.kill();
          this.events.onFatal('PROCESS_FAILED', `${this.name}: ${event.message}`);
          reject(new Error(event.message));
        }
      };
      this.post({ type: 'start', process: this.name, ...init });
    });
  }

  call<T>(method: string, ...args: unknown[]): Promise<T> {
    if (!this.worker || this.status === 'crashed')
      return Promise.reject(new PlaygroundError('PROCESS_DOWN', this.name));
    const id = ++this.nextCall;
    return new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'rpc', id, method, args });
    });
  }

  /** Resolves once the process has the crash armed. */
  arm(point: CrashPoint, nth = 1): Promise<void> {
    this.armed = point;
    this.events.onStatus(this.status, point);
    return this.call<void>('arm', point, nth).catch(() => undefined);
  }

  /** Terminates the worker where it stands. */
  kill(point: CrashPoint | 'manual' = 'manual'): void {
    if (!this.worker) return;
    this.worker.terminate();
    this.worker = null;
    for (const call of this.calls.values())
      call.reject(new PlaygroundError('PROCESS_DOWN', `${this.name} crashed`));
    this.calls.clear();
    // Down before anyone hears of it; the crash and its point are told before the bare status, so no moment of the
    // run's history has the process crashed without knowing where (a live run stamps each event as it is told).
    this.status = 'crashed';
    this.armed = null;
    this.events.onCrashed(point);
    this.events.onStatus('crashed', null);
  }

  private setStatus(status: ProcessStatus, armed: CrashPoint | null): void {
    this.status = status;
    this.armed = armed;
    this.events.onStatus(status, armed);
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }
}
