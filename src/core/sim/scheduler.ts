// The deterministic scheduler, the same for every topology. Nothing in a
// deterministic run moves unless it is granted here: one step at a time,
// drawn by a seeded PRNG from what the run's world offers (sorted by key
// first), each at a simulation time this scheduler owns. Every step ends only
// when its effects are durable, so the same scenario and seed give the same
// trace and the same databases on every host. What the steps are is the
// world's business (shopWorld.ts, esWorld.ts, cdcWorld.ts).

import { fingerprint } from '../hash';
import { seededRandom, type Random } from '../random';
import { describeStep, stepKey } from './steps';
import { failedOutcome, outcome, type SimStep, type SimWorld } from './simWorld';

export type { SimWorld } from './simWorld';

export interface SchedulerOptions {
  seed: number;
  /** Simulation time each step takes. */
  stepMs?: number;
}

export interface TraceEntry {
  step: number;
  at: number;
  what: string;
  result: string;
}

interface UserRequest {
  id: number;
  process: string;
  name: string;
  input: unknown;
  settle: { resolve: (value: string) => void; reject: (error: Error) => void };
}

export class Scheduler {
  readonly trace: TraceEntry[] = [];
  traceHash = fingerprint('');
  time = 0;
  private readonly pick: Random;
  private readonly requests: UserRequest[] = [];
  private nextRequest = 0;

  constructor(
    private readonly world: SimWorld,
    readonly options: SchedulerOptions,
  ) {
    this.pick = seededRandom(options.seed);
  }

  get steps(): number {
    return this.trace.length;
  }

  /** Queues a command to run as a step of its own; resolves with its result once granted. */
  request(process: string, name: string, input: unknown): Promise<string> {
    return new Promise((resolve, reject) =>
      this.requests.push({ id: ++this.nextRequest, process, name, input, settle: { resolve, reject } }),
    );
  }

  /** Grants one step; returns null when nothing is left to do and no timer is pending. */
  async next(): Promise<TraceEntry | null> {
    const { steps, timers } = await this.world.offer(this.time);
    const request = this.requests[0];
    if (request && this.world.isUp(request.process)) steps.push(this.userStep(request));
    if (!steps.length) {
      const to = timers.filter((t) => t > this.time).sort((a, b) => a - b)[0];
      if (to === undefined) return null;
      this.time = to;
      return this.record(describeStep({ kind: 'advance', to }), 'ok');
    }
    steps.sort((a, b) => (a.key < b.key ? -1 : 1));
    const step = this.choose(steps);
    this.time += this.options.stepMs ?? 10;
    return this.record(step.key, await step.run(this.time));
  }

  private userStep(request: UserRequest): SimStep {
    const { world } = this;
    return {
      key: stepKey({ kind: 'user', service: request.process, name: request.name, id: request.id }),
      run: async (at) => {
        this.requests.shift();
        const result = await outcome(
          () => world.isUp(request.process),
          () => world.command(request.process, request.name, request.input, at),
        );
        if (failedOutcome(result))
          request.settle.reject(new Error(`${request.process}.${request.name} ${result}`));
        else request.settle.resolve(result);
        return result;
      },
    };
  }

  private choose(steps: SimStep[]): SimStep {
    const total = steps.reduce((sum, s) => sum + (s.weight ?? 1), 0);
    let roll = this.pick() * total;
    for (const s of steps) if ((roll -= s.weight ?? 1) < 0) return s;
    return steps[steps.length - 1];
  }

  private record(what: string, result: string): TraceEntry {
    const entry = { step: this.trace.length + 1, at: this.time, what, result };
    this.trace.push(entry);
    this.traceHash = fingerprint(traceLine(entry), this.traceHash);
    return entry;
  }
}

export function traceLine(entry: TraceEntry): string {
  return `#${entry.step} @${entry.at} ${entry.what} → ${entry.result}`;
}
