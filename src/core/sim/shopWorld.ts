// The shop's sim world: what its processes can do next, as steps for the
// scheduler — restarts, the scenario's own orders, outbox relays, one
// partition's delivery to a consumer, due saga timers. Its processes are
// reached through ShopProcesses: workers in a browser, in-process hosts in Node.

import type { DeliverableCursor } from '../broker/logReads';
import { seededRandom, type Random } from '../random';
import type { ServiceName } from '../rows';
import type { ServicePending, ServiceStep } from '../service/serviceHost';
import type { ProcessName } from '../telemetry';
import { restartOffer, outcome, type SimOffer, type SimWorld } from './simWorld';
import { describeStep, type GrantedStep } from './steps';

/** The shop's processes as the scheduler drives them. */
export interface ShopProcesses {
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

export interface ShopWorkload {
  seed: number;
  /** Orders the scenario places by itself, and the command that places one. */
  orders: number;
  orderCommand: string;
  orderInput: (random: Random) => unknown;
  /** How many times slower a group consumes: its deliveries are granted that much less often. */
  slowness: (group: string) => number;
  /** Records one delivery step hands over. */
  deliveryBatch?: number;
}

const ORDER_SERVICE: ServiceName = 'order';

export class ShopWorld implements SimWorld {
  /** Orders placed so far (a resumed run starts from what its databases hold). */
  placed = 0;
  private readonly orderRandom: Random;

  constructor(
    private readonly p: ShopProcesses,
    private readonly workload: ShopWorkload,
  ) {
    // Order data has its own stream, so the same orders are placed whatever the interleaving.
    this.orderRandom = seededRandom(workload.seed ^ 0x9e3779b9);
  }

  isUp(process: string): boolean {
    return this.p.isUp(process as ProcessName);
  }

  command(process: string, name: string, input: unknown, at: number): Promise<string> {
    return this.p.step(process as ServiceName, { kind: 'command', name, input }, at);
  }

  async offer(time: number): Promise<SimOffer> {
    const { p, workload } = this;
    const offer: SimOffer = { steps: [], timers: [] };
    restartOffer(p, time, offer);
    const add = (step: GrantedStep, run: (at: number) => Promise<string>, weight = 1) =>
      offer.steps.push({ key: describeStep(step), run, weight });
    if (p.isUp(ORDER_SERVICE) && this.placed < workload.orders)
      add({ kind: 'place', n: this.placed + 1 }, (at) => {
        this.placed++;
        const input = workload.orderInput(this.orderRandom);
        return this.run(ORDER_SERVICE, { kind: 'command', name: workload.orderCommand, input }, at);
      });
    const services = p.processes.filter((s): s is ServiceName => s !== 'broker' && p.isUp(s));
    const pending = await Promise.all(services.map((s) => p.pending(s)));
    services.forEach((service, i) => {
      if (pending[i].unpublished > 0 && p.isUp('broker'))
        add({ kind: 'relay', service }, (at) => this.run(service, { kind: 'relay' }, at));
      const due = pending[i].nextDue;
      if (due !== null && due <= time)
        add({ kind: 'tick', service }, (at) => this.run(service, { kind: 'tick' }, at));
      else if (due !== null) offer.timers.push(due);
    });
    if (p.isUp('broker'))
      for (const cursor of await p.deliverable()) {
        const service = cursor.member as ServiceName;
        if (!p.isUp(service)) continue;
        if (cursor.blockedUntil > time) offer.timers.push(cursor.blockedUntil);
        else
          add(
            { kind: 'consume', service, topic: cursor.topic, partition: cursor.partition },
            (at) =>
              this.run(
                service,
                {
                  kind: 'consume',
                  topic: cursor.topic,
                  partition: cursor.partition,
                  max: workload.deliveryBatch ?? 1,
                },
                at,
              ),
            1 / workload.slowness(cursor.group),
          );
      }
    return offer;
  }

  private run(service: ServiceName, step: ServiceStep, at: number): Promise<string> {
    return outcome(
      () => this.p.isUp(service),
      () => this.p.step(service, step, at),
    );
  }
}
