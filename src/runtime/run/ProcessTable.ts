// The processes of a run as the conductor holds them: one handle per process
// (a real worker while it lives), how many lives each has had, and which are
// still opening — started, but not yet armed and at work, so neither counted
// as running nor open to calls.

import type { CrashPoint } from '../../core/crashPoints';
import type { ProcessStatus } from '../controller';
import { PlaygroundError } from '../errors';
import { ProcessHandle } from '../processHandle';
import type { RunEvent } from './runEvents';

export interface ProcessTableEvents<P extends string> {
  /** A process's status (or armed point) changed in a way its listeners should hear. */
  status(event: RunEvent<P>): void;
  crashed(process: P, point: CrashPoint | 'manual'): void;
  fatal(process: P, code: string, message: string): void;
}

export class ProcessTable<P extends string> {
  private readonly handles = new Map<P, ProcessHandle<P>>();
  private readonly opening = new Map<P, 'starting' | 'restarting'>();
  private readonly lives = new Map<P, number>();

  constructor(
    readonly names: readonly P[],
    spawn: (process: P) => Worker,
    private readonly events: ProcessTableEvents<P>,
  ) {
    for (const name of names) this.handles.set(name, this.createHandle(name, spawn));
  }

  handle(name: P): ProcessHandle<P> {
    const handle = this.handles.get(name);
    if (!handle) throw new Error(`no process "${name}" in this run (it has ${this.names.join(', ')})`);
    return handle;
  }

  status(name: P): ProcessStatus {
    const handle = this.handle(name);
    return handle.status === 'crashed' ? 'crashed' : (this.opening.get(name) ?? handle.status);
  }

  /** What a listener is told of a process now. */
  event(name: P): RunEvent<P> {
    return { kind: 'process', process: name, status: this.status(name), armed: this.handle(name).armed };
  }

  /** The processes whose workers are up (opening ones included: the conductor arms those). */
  alive(): P[] {
    return this.names.filter((p) => this.handle(p).alive);
  }

  /** A call to a process, refused while it is still opening. */
  call<T>(name: P, method: string, ...args: unknown[]): Promise<T> {
    const opening = this.opening.get(name);
    if (opening) return Promise.reject(new PlaygroundError('PROCESS_DOWN', `${name} is ${opening}`));
    return this.handle(name).call<T>(method, ...args);
  }

  /**
   * Starts a new life of `name`'s worker with what `options` makes of its life number; it stays opening until
   * the worker is ready. The caller arms it and sets it to work, then tells its listeners it runs.
   */
  async start(
    runId: string,
    name: P,
    restarting: boolean,
    options: (life: number) => unknown,
  ): Promise<void> {
    const life = (this.lives.get(name) ?? 0) + 1;
    this.lives.set(name, life);
    this.opening.set(name, restarting ? 'restarting' : 'starting');
    try {
      await this.handle(name).start({ runId, options: options(life) }, restarting);
    } finally {
      this.opening.delete(name);
    }
  }

  killAll(): void {
    for (const handle of this.handles.values()) handle.kill();
  }

  private createHandle(name: P, spawn: (process: P) => Worker): ProcessHandle<P> {
    return new ProcessHandle<P>(
      name,
      {
        onStatus: (status, armed) => {
          // "running" means usable: that is said once the process is armed and at work.
          if (status === 'running' && this.opening.has(name)) return;
          this.events.status({ kind: 'process', process: name, status: this.status(name), armed });
        },
        onCrashed: (point) => this.events.crashed(name, point),
        onFatal: (code, message) => this.events.fatal(name, code, message),
      },
      spawn,
    );
  }
}
