// The lives of a run's processes: each started in its turn with the options
// its topology gives that life, armed with the fault plan and set to work
// before it counts as running, killed by hand or armed to crash at a point,
// brought back only once it has crashed, and its crash told on. Apart from
// the Conductor so that what one process goes through, start to crash to
// restart, reads in one place, and the Conductor only composes it with the
// faults, the watcher and the listeners.

import type { CrashPoint } from '../../core/crashPoints';
import type { ProcessStatus } from '../controller';
import { ERRORS, type ErrorName } from '../errors';
import type { ProcessHandle } from '../processHandle';
import type { StartContext } from './conductorTypes';
import { ProcessTable } from './ProcessTable';
import type { RunEvent } from './runEvents';
import type { RunFacts } from './runFacts';

export interface ProcessLifeDeps<P extends string> {
  runId: string;
  /** A deterministic run's seed and id salt, so no life repeats the ids of an earlier one; null in a live run. */
  deterministic: { seed: number; salt: string } | null;
  /** What the topology gives `process` in one life's start message (Conductor's startOptions slot). */
  options(process: P, start: StartContext): unknown;
  /** Arms a (re)started process with the faults of the plan still to come for it. */
  arm(process: P): Promise<void>;
  /** Sets an armed process to work before it counts as running (Conductor's setToWork slot). */
  setToWork(process: P): Promise<void>;
  /** Simulation time now: when a life starts unless the deterministic world says otherwise. */
  now(): number;
  publish(events: RunEvent<P>[]): void;
  /** A process died (already told to the listeners): the fault plan hears whether it was one it asked for. */
  crashed(process: P, point: CrashPoint | 'manual'): void;
  /** A process came up or went down: a reason to check again where the workers' reports do not say so. */
  lifeChanged(): void;
  fail(name: ErrorName, detail: string): void;
}

export class ProcessLife<P extends string> {
  private readonly table: ProcessTable<P>;

  constructor(
    private readonly facts: RunFacts<P>,
    private readonly deps: ProcessLifeDeps<P>,
  ) {
    this.table = new ProcessTable(facts.processes, facts.spawn, {
      status: (event) => deps.publish([event]),
      crashed: (name, point) => {
        deps.publish([{ kind: 'crashed', process: name, point }]);
        deps.crashed(name, point);
        deps.lifeChanged();
      },
      fatal: (name, code, message) =>
        deps.fail(code in ERRORS ? (code as ErrorName) : 'PROCESS_FAILED', `${name}: ${message}`),
    });
  }

  handle(name: P): ProcessHandle<P> {
    return this.table.handle(name);
  }

  status(name: P): ProcessStatus {
    return this.table.status(name);
  }

  /** What a listener is told of a process now. */
  event(name: P): RunEvent<P> {
    return this.table.event(name);
  }

  alive(): P[] {
    return this.table.alive();
  }

  /** A call to a process, refused while it is still starting. */
  call<T>(name: P, method: string, ...args: unknown[]): Promise<T> {
    return this.table.call<T>(name, method, ...args);
  }

  /** Every process, group after group: a process may need one of an earlier group up first. */
  async startAll(): Promise<void> {
    for (const group of this.facts.startOrder) await Promise.all(group.map((name) => this.start(name)));
  }

  /**
   * One new life of `name`: its worker started, then armed and set to work, and only then said to be running.
   * `at`: the simulation time it starts at (a deterministic world restarts a process at a step's time).
   */
  async start(name: P, restarting = false, at = this.deps.now()): Promise<void> {
    const { runId, deterministic } = this.deps;
    await this.table.start(runId, name, restarting, (life) =>
      this.deps.options(name, {
        restarting,
        deterministic: deterministic
          ? { seed: deterministic.seed, salt: `${name}/${life}${deterministic.salt}`, at }
          : undefined,
      }),
    );
    await this.deps
      .arm(name)
      .catch((error: Error) => this.deps.fail('PROCESS_FAILED', `fault plan: ${error.message}`));
    await this.deps.setToWork(name);
    this.deps.publish([this.table.event(name)]);
    this.deps.lifeChanged();
  }

  /** Only a crashed process starts again: one that runs (or is starting) keeps its life. */
  async restart(name: P): Promise<void> {
    if (this.handle(name).status === 'crashed') await this.start(name, true);
  }

  crashNow(name: P): void {
    this.handle(name).kill('manual');
  }

  /** Arms a crash for the `nth` time `process` reaches `point`; refused where the topology says it never gets. */
  crashAt(name: P, point: CrashPoint, nth = 1): Promise<void> {
    const points = this.facts.crashPoints?.[name];
    if (this.facts.crashPoints && !points?.includes(point))
      throw new Error(`${name} never reaches "${point}"; it can crash at ${points?.join(', ')}`);
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number from 1, got ${nth}`);
    return this.handle(name).arm(point, nth);
  }

  killAll(): void {
    this.table.killAll();
  }
}
