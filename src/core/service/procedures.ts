// A service's procedures (an orchestrator's saga steps, a participant's
// endpoints): long-running work that opens its own transactions and calls
// other services, unlike a handler, which is one transaction. Counted while
// under way, since settling a run must wait for them like for any delivery.

import type { Clock } from '../clock';
import type { RpcNode } from '../rpc';
import type { ProcedureContext } from './definition';
import { inTransaction, type UnitDeps } from './unitOfWork';

export interface ProcedureDeps {
  unit: UnitDeps;
  rpc: RpcNode;
  /** Pauses run on the host's own clock (a participant polling for a lock waits real time). */
  clock: Clock;
}

export class Procedures {
  private underWay = 0;

  constructor(private readonly deps: ProcedureDeps) {}

  /** Procedures and calls under way now. */
  get busy(): number {
    return this.underWay;
  }

  async running<T>(work: () => Promise<T>): Promise<T> {
    this.underWay++;
    try {
      return await work();
    } finally {
      this.underWay--;
    }
  }

  context(): ProcedureContext {
    const { unit, rpc, clock } = this.deps;
    return {
      transaction: async (work) => (await inTransaction(unit, (u) => work(u.context()))).value,
      call: (service, endpoint, ...args) => {
        unit.crash.assertAlive();
        return rpc.call(service, endpoint, ...args);
      },
      crashPoint: (point) => unit.crash.at(point),
      sleep: async (ms) => {
        await clock.sleep(ms);
        unit.crash.assertAlive();
      },
    };
  }
}
