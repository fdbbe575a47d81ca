// The CDC run's sim world: restarts, the run's own listing writes (the
// scenario's `orders` field counts them: "orders a deterministic run places
// by itself" are, in this topology, writes to the legacy listings table),
// the connector's connect (with its snapshot) and its polls of the change
// log, and one partition's delivery to the search consumer. Delay faults
// are the only timers. Processes are reached through CdcProcesses: workers in
// a browser, in-process hosts in Node.

import type { DeliverableCursor } from '../broker/logReads';
import type { CdcStep, ConnectorPending } from '../cdc/legacy/cdcSteps';
import type { CdcProcess } from '../cdc/cdcTypes';
import { outcome, restartOffer, type Restarts, type SimOffer, type SimWorld } from './simWorld';

export type CdcSimProcess = CdcProcess | 'broker';

export interface CdcProcesses extends Restarts {
  readonly processes: readonly CdcSimProcess[];
  isUp(process: CdcSimProcess): boolean;
  restart(process: CdcSimProcess, at: number): Promise<void>;
  connectorPending(): Promise<ConnectorPending>;
  deliverable(): Promise<DeliverableCursor[]>;
  /** Runs one step in `process`; rejects if it died doing it (or the step failed). */
  step(process: CdcProcess, step: CdcStep, at: number): Promise<string>;
}

export interface CdcWorkload {
  /** Random listing writes the run makes by itself. */
  writes: number;
  /** Records one delivery step hands over. */
  deliveryBatch?: number;
  /** How many times slower a group consumes: its deliveries are granted that much less often. */
  slowness?: (group: string) => number;
}

/** These two need the broker to come back: a restart joins its group or reads where it left the log. */
const NEEDS_BROKER: readonly CdcSimProcess[] = ['connector', 'query'];

const POLL_WEIGHT = 1 / 3;

export class CdcWorld implements SimWorld {
  /** Listing writes made so far (a resumed run starts from what the change log holds). */
  placed = 0;

  constructor(
    private readonly p: CdcProcesses,
    private readonly workload: CdcWorkload,
  ) {}

  isUp(process: string): boolean {
    return this.p.isUp(process as CdcSimProcess);
  }

  command(process: string, name: string, input: unknown, at: number): Promise<string> {
    return this.p.step(process as CdcProcess, { kind: 'command', name, input }, at);
  }

  async offer(time: number): Promise<SimOffer> {
    const { p, workload } = this;
    const offer: SimOffer = { steps: [], timers: [] };
    const brokerUp = p.isUp('broker');
    const restartable = p.processes.filter((x) => brokerUp || !NEEDS_BROKER.includes(x));
    const comesBackAt = (x: string) => p.comesBackAt?.(x) ?? 0;
    restartOffer(
      {
        processes: restartable,
        isUp: (x) => this.isUp(x),
        restart: (x, at) => p.restart(x as CdcSimProcess, at),
        comesBackAt,
      },
      time,
      offer,
    );
    const add = (key: string, process: CdcProcess, step: CdcStep, weight = 1) =>
      offer.steps.push({ key, weight, run: (at) => this.run(process, step, at) });
    if (p.isUp('listings') && this.placed < workload.writes)
      offer.steps.push({
        key: `listing write #${this.placed + 1}`,
        run: (at) => {
          this.placed++;
          return this.run('listings', { kind: 'command', name: 'writeRandom', input: [] }, at);
        },
      });
    if (!brokerUp) return offer;
    if (p.isUp('connector')) {
      const { connected, behind } = await p.connectorPending();
      if (!connected) add('connector connects', 'connector', { kind: 'connect' });
      // A connector polls at an interval, not after every commit: its polls are granted a third as often as other
      // steps, so a batch usually carries several changes (as a live run's do) and a lost batch loses several.
      else if (behind) add('connector polls the change log', 'connector', { kind: 'poll' }, POLL_WEIGHT);
    }
    if (p.isUp('query'))
      for (const cursor of await p.deliverable()) {
        if (cursor.member !== 'query') continue;
        if (cursor.blockedUntil > time) offer.timers.push(cursor.blockedUntil);
        else
          add(
            `query takes ${cursor.topic}#${cursor.partition}`,
            'query',
            {
              kind: 'consume',
              topic: cursor.topic,
              partition: cursor.partition,
              max: workload.deliveryBatch ?? 8,
            },
            1 / (workload.slowness?.(cursor.group) ?? 1),
          );
      }
    return offer;
  }

  private run(process: CdcProcess, step: CdcStep, at: number): Promise<string> {
    return outcome(
      () => this.p.isUp(process),
      () => this.p.step(process, step, at),
    );
  }
}
