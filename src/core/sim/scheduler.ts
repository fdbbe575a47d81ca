// The deterministic scheduler. Nothing in a deterministic run moves unless it
// is granted here: one step at a time (a relay poll, one partition's delivery,
// a due timer, an order, a restart), drawn from the enabled steps by a seeded
// PRNG, each at a simulation time this scheduler owns. Every step ends only
// when its effects are durable, so the same scenario and seed give the same
// trace and the same databases on every host.

import type { DeliverableCursor } from '../broker/logReads';
import { fingerprint } from '../hash';
import { seededRandom, type Random } from '../random';
import type { ServiceName } from '../rows';
import type { ServicePending, ServiceStep } from '../service/serviceHost';
import type { ProcessName } from '../telemetry';
import { describeStep, stepKey, type GrantedStep } from './steps';

/** The processes as the scheduler drives them: workers in a browser, in-process hosts in Node. */
export interface SimWorld {
  readonly processes: readonly ProcessName[];
  isUp(process: ProcessName): boolean;
  pending(service: ServiceName): Promise<ServicePending>;
  deliverable(): Promise<DeliverableCursor[]>;
  /** Runs one step in `service`; rejects if the service died doing it (or the step failed). */
  step(service: ServiceName, step: ServiceStep, at: number): Promise<string>;
  restart(process: ProcessName, at: number): Promise<void>;
  /** Simulation time before which a crashed process may not come back (a planned outage); 0 or absent: any time. */
  comesBackAt?(process: ProcessName): number;
}

export interface SchedulerOptions {
  seed: number;
  /** Orders the scenario places by itself, and the command that places one. */
  orders: number;
  orderCommand: string;
  orderInput: (random: Random) => unknown;
  /** How many times slower a group consumes: its deliveries are granted that much less often. */
  slowness: (group: string) => number;
  /** Simulation time each step takes. */
  stepMs?: number;
  /** Records one delivery step hands over. */
  deliveryBatch?: number;
}

export interface TraceEntry {
  step: number;
  at: number;
  what: string;
  result: string;
}

interface UserRequest {
  id: number;
  service: ServiceName;
  name: string;
  input: unknown;
  settle: { resolve: (value: string) => void; reject: (error: Error) => void };
}

const ORDER_SERVICE: ServiceName = 'order';

export class Scheduler {
  readonly trace: TraceEntry[] = [];
  traceHash = fingerprint('');
  time = 0;
  placed = 0;
  private readonly pick: Random;
  private readonly orderRandom: Random;
  private readonly requests: UserRequest[] = [];
  private nextRequest = 0;

  constructor(
    private readonly world: SimWorld,
    readonly options: SchedulerOptions,
  ) {
    this.pick = seededRandom(options.seed);
    // Order data has its own stream, so the same orders are placed whatever the interleaving.
    this.orderRandom = seededRandom(options.seed ^ 0x9e3779b9);
  }

  get steps(): number {
    return this.trace.length;
  }

  /** Queues a command to run as a step of its own; resolves with its result once granted. */
  request(service: ServiceName, name: string, input: unknown): Promise<string> {
    return new Promise((resolve, reject) =>
      this.requests.push({ id: ++this.nextRequest, service, name, input, settle: { resolve, reject } }),
    );
  }

  /** Grants one step; returns null when nothing is left to do and no timer is pending. */
  async next(): Promise<TraceEntry | null> {
    const { enabled, timers } = await this.enabled();
    if (!enabled.length) {
      const to = timers.filter((t) => t > this.time).sort((a, b) => a - b)[0];
      if (to === undefined) return null;
      this.time = to;
      return this.record({ kind: 'advance', to }, 'ok');
    }
    const step = this.choose(enabled);
    this.time += this.options.stepMs ?? 10;
    return this.record(step, await this.perform(step));
  }

  private async enabled(): Promise<{ enabled: { step: GrantedStep; weight: number }[]; timers: number[] }> {
    const { world } = this;
    const enabled: { step: GrantedStep; weight: number }[] = [];
    const timers: number[] = [];
    const add = (step: GrantedStep, weight = 1) => enabled.push({ step, weight });
    for (const process of world.processes) {
      if (world.isUp(process)) continue;
      const back = world.comesBackAt?.(process) ?? 0;
      if (back > this.time) timers.push(back);
      else add({ kind: 'restart', process });
    }
    if (world.isUp(ORDER_SERVICE) && this.placed < this.options.orders)
      add({ kind: 'place', n: this.placed + 1 });
    const request = this.requests[0];
    if (request && world.isUp(request.service))
      add({ kind: 'user', service: request.service, name: request.name, id: request.id });
    const services = world.processes.filter((p): p is ServiceName => p !== 'broker' && world.isUp(p));
    const pending = await Promise.all(services.map((s) => world.pending(s)));
    services.forEach((service, i) => {
      if (pending[i].unpublished > 0 && world.isUp('broker')) add({ kind: 'relay', service });
      const due = pending[i].nextDue;
      if (due !== null && due <= this.time) add({ kind: 'tick', service });
      else if (due !== null) timers.push(due);
    });
    if (world.isUp('broker'))
      for (const cursor of await world.deliverable()) {
        const service = cursor.member as ServiceName;
        if (!world.isUp(service)) continue;
        if (cursor.blockedUntil > this.time) timers.push(cursor.blockedUntil);
        else
          add(
            { kind: 'consume', service, topic: cursor.topic, partition: cursor.partition },
            1 / this.options.slowness(cursor.group),
          );
      }
    enabled.sort((a, b) => (stepKey(a.step) < stepKey(b.step) ? -1 : 1));
    return { enabled, timers };
  }

  private choose(enabled: { step: GrantedStep; weight: number }[]): GrantedStep {
    const total = enabled.reduce((sum, e) => sum + e.weight, 0);
    let roll = this.pick() * total;
    for (const e of enabled) if ((roll -= e.weight) < 0) return e.step;
    return enabled[enabled.length - 1].step;
  }

  private async perform(step: GrantedStep): Promise<string> {
    const { world } = this;
    const at = this.time;
    switch (step.kind) {
      case 'restart':
        try {
          await world.restart(step.process, at);
          return 'recovered';
        } catch (error) {
          return world.isUp(step.process) ? `failed: ${String(error)}` : 'crashed';
        }
      case 'place': {
        this.placed++;
        return this.run(ORDER_SERVICE, {
          kind: 'command',
          name: this.options.orderCommand,
          input: this.options.orderInput(this.orderRandom),
        });
      }
      case 'user': {
        const request = this.requests.shift()!;
        const result = await this.run(request.service, {
          kind: 'command',
          name: request.name,
          input: request.input,
        });
        if (result.startsWith('failed: ') || result === 'crashed')
          request.settle.reject(new Error(`${request.service}.${request.name} ${result}`));
        else request.settle.resolve(result);
        return result;
      }
      case 'relay':
        return this.run(step.service, { kind: 'relay' });
      case 'consume':
        return this.run(step.service, {
          kind: 'consume',
          topic: step.topic,
          partition: step.partition,
          max: this.options.deliveryBatch ?? 1,
        });
      case 'tick':
        return this.run(step.service, { kind: 'tick' });
      case 'advance':
        return 'ok';
    }
  }

  private async run(service: ServiceName, step: ServiceStep): Promise<string> {
    try {
      return await this.world.step(service, step, this.time);
    } catch (error) {
      if (!this.world.isUp(service)) return 'crashed';
      return `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private record(step: GrantedStep, result: string): TraceEntry {
    const entry = { step: this.trace.length + 1, at: this.time, what: describeStep(step), result };
    this.trace.push(entry);
    this.traceHash = fingerprint(traceLine(entry), this.traceHash);
    return entry;
  }
}

export function traceLine(entry: TraceEntry): string {
  return `#${entry.step} @${entry.at} ${entry.what} → ${entry.result}`;
}
