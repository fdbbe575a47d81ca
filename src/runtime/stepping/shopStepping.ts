// The shop's deterministic mode: ShopWorld over the conductor's workers, the
// world made of RPC calls into them. A resumed run continues with the orders
// it has placed already.

import { ShopWorld, type ShopProcesses } from '../../core/sim/shopWorld';
import { sampleOrder } from '../../core/services/catalog';
import type { TableDump } from '../../core/rows';
import type { Fact, ProcessName } from '../../core/telemetry';
import type { ProcessHandle } from '../processHandle';
import type { SteppingContext } from '../run/conductorTypes';
import type { StepDriver } from '../stepDriver';
import { driveWorld } from './driveWorld';

export interface ShopSteppingSetup extends SteppingContext<ProcessName, Fact> {
  processNames: ProcessName[];
  proc(name: ProcessName): ProcessHandle<ProcessName>;
  orders: number;
  orderCommand: string;
}

export async function startShopStepping(setup: ShopSteppingSetup): Promise<StepDriver> {
  const { proc } = setup;
  const processes: ShopProcesses = {
    processes: setup.processNames,
    isUp: (p) => proc(p).alive,
    pending: (s) => proc(s).call('pending'),
    deliverable: () => proc('broker').call('deliverable'),
    step: (s, step, at) => proc(s).call('step', step, at),
    restart: (p, at) => setup.restart(p, at),
    comesBackAt: (p) => setup.comesBackAt(p),
  };
  const world = new ShopWorld(processes, {
    seed: setup.seed,
    orders: setup.orders,
    orderCommand: setup.orderCommand,
    orderInput: (random) => sampleOrder(random),
    slowness: setup.slowness,
  });
  // A resumed run has placed some of its orders already: the databases say how many.
  const placed = (await proc('order').call<TableDump>('dump')).orders?.length ?? 0;
  world.placed = Math.min(placed, setup.orders);
  return driveWorld(world, setup);
}
