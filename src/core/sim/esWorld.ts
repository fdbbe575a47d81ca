// The event-sourced run's sim world: restarts, the run's own workload items
// (esWorkload.ts), the next leg of each bank transfer in flight, and a
// projection batch while the read models are behind. There are no timers:
// nothing in this topology waits on a deadline. Its processes are reached
// through EsProcesses: workers in a browser, in-process hosts in Node.

import type { EsPending, EsStep } from '../eventsourcing/esSteps';
import type { EsProcess } from '../eventsourcing/esTypes';
import { esWorkload, type EsWorkItem } from '../eventsourcing/esWorkload';
import { outcome, restartOffer, type Restarts, type SimOffer, type SimWorld } from './simWorld';

export interface EsProcesses extends Restarts {
  readonly processes: readonly EsProcess[];
  isUp(process: EsProcess): boolean;
  restart(process: EsProcess, at: number): Promise<void>;
  pending(process: EsProcess): Promise<EsPending>;
  /** Runs one step in `process`; rejects if it died doing it (or the step failed). */
  step(process: EsProcess, step: EsStep, at: number): Promise<string>;
}

export class EsWorld implements SimWorld {
  /** Workload items placed so far. */
  placed = 0;
  readonly workload: EsWorkItem[];

  constructor(
    private readonly p: EsProcesses,
    { seed, items }: { seed: number; items: number },
  ) {
    this.workload = esWorkload(seed, items);
  }

  isUp(process: string): boolean {
    return this.p.isUp(process as EsProcess);
  }

  command(process: string, name: string, input: unknown, at: number): Promise<string> {
    return this.p.step(process as EsProcess, { kind: 'command', name, input }, at);
  }

  async offer(time: number): Promise<SimOffer> {
    const { p } = this;
    const offer: SimOffer = { steps: [], timers: [] };
    restartOffer(p, time, offer);
    const add = (key: string, process: EsProcess, step: EsStep) =>
      offer.steps.push({ key, run: (at) => this.run(process, step, at) });
    const item = this.workload[this.placed];
    if (item && p.isUp(item.process))
      offer.steps.push({
        key: `workload #${this.placed + 1}: ${item.label}`,
        run: (at) => {
          this.placed++;
          return this.run(item.process, { kind: 'command', name: item.name, input: item.input }, at);
        },
      });
    if (p.isUp('bank'))
      for (const { transferId, leg } of (await p.pending('bank')).legs)
        add(`bank ${leg}s ${transferId}`, 'bank', { kind: 'leg', transferId, leg });
    if (p.isUp('query') && (await p.pending('query')).behind > 0)
      add('query projects a batch', 'query', { kind: 'project' });
    return offer;
  }

  private run(process: EsProcess, step: EsStep, at: number): Promise<string> {
    return outcome(
      () => this.p.isUp(process),
      () => this.p.step(process, step, at),
    );
  }
}
