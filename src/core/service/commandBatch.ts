// Group commit for a service's commands: commands that arrive while a
// transaction is under way wait for it and then commit together in the next
// one. Each keeps its own rows and outbox rows in that transaction, so every
// pattern holds as before; only the commit is shared. A command arriving at a
// quiet service runs at once, alone; one of a steady stream waits a moment for
// the next (CompanyWait), so the two commit together. If a shared
// transaction fails, its commands run again one by one, so one bad command
// fails alone. Core: storage, clock and crash switch come in through UnitDeps.

import { isCrash } from '../crash';
import { inTransaction, type Unit, type UnitDeps } from './unitOfWork';
import { CompanyWait } from '../companyWait';
import type { Clock } from '../clock';

/** Commands committed together at most. */
const MAX_GROUP = 100;

interface Waiting {
  work: (unit: Unit) => Promise<unknown>;
  resolve: (result: { value: unknown; emitted: number }) => void;
  reject: (error: unknown) => void;
}

export class CommandBatch {
  private readonly queue: Waiting[] = [];
  private draining = false;
  private readonly company = new CompanyWait();

  /** `grouped()`: whether commands may share a transaction now (live runs with an outbox). */
  constructor(
    private readonly deps: UnitDeps,
    private readonly grouped: () => boolean,
    private readonly clock: Clock,
  ) {}

  /** Runs `work` in a transaction, alone or with the commands waiting beside it; what it returned and its outbox rows. */
  run<T>(work: (unit: Unit) => Promise<T>): Promise<{ value: T; emitted: number }> {
    if (!this.grouped()) return inTransaction(this.deps, work);
    this.company.arrived(this.clock.now());
    return new Promise((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as Waiting['resolve'], reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length) {
        const ms = this.queue.length < MAX_GROUP ? this.company.waitMs(this.clock.now()) : 0;
        if (ms > 0) await this.clock.sleep(ms);
        this.company.taken();
        await this.commit(this.queue.splice(0, MAX_GROUP));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commit(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.alone(group[0]);
    let results: { value: unknown; emitted: number }[];
    try {
      const { value } = await inTransaction(this.deps, async (unit) => {
        const out: { value: unknown; emitted: number }[] = [];
        for (const command of group) {
          const before = unit.emitted.length;
          out.push({ value: await command.work(unit), emitted: 0 });
          out[out.length - 1].emitted = unit.emitted.length - before;
        }
        return out;
      });
      results = value;
    } catch (error) {
      if (isCrash(error)) {
        // The process is dying: nothing after this point runs, and none of these committed.
        for (const command of [...group, ...this.queue.splice(0)]) command.reject(error);
        return;
      }
      for (const command of group) await this.alone(command);
      return;
    }
    group.forEach((command, i) => command.resolve(results[i]));
  }

  private async alone(command: Waiting): Promise<void> {
    try {
      command.resolve(await inTransaction(this.deps, command.work));
    } catch (error) {
      command.reject(error);
    }
  }
}
