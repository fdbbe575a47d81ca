// Starts a deterministic run's scheduler over the conductor's workers: the
// world it drives is made of RPC calls into them. A resumed run continues
// with the orders it has placed already; a link may open it some steps in.

import { ShopWorld, type ShopProcesses } from '../core/sim/shopWorld';
import { sampleOrder } from '../core/services/catalog';
import type { TableDump } from '../core/rows';
import type { ProcessName } from '../core/telemetry';
import type { ConductorEvent } from './controller';
import type { ProcessHandle } from './processHandle';
import { StepDriver } from './stepDriver';

export interface SteppingSetup {
  processNames: ProcessName[];
  proc(name: ProcessName): ProcessHandle;
  restart(process: ProcessName, at: number): Promise<void>;
  comesBackAt(process: ProcessName): number;
  seed: number;
  orders: number;
  orderCommand: string;
  slowness(group: string): number;
  speed: number;
  /** Steps to grant before handing over (a position in time), for a fresh run. */
  at: number;
  resumed: boolean;
  paused: boolean;
  publish(events: ConductorEvent[]): void;
}

export async function startStepping(setup: SteppingSetup): Promise<StepDriver> {
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
  const driver = new StepDriver(
    world,
    { seed: setup.seed },
    // The UI's saga countdowns read simulation time: in a deterministic run it stands at the scheduler's.
    (sim) =>
      setup.publish([
        { kind: 'sim', sim },
        { kind: 'timing', timing: { simAt: sim.simTime, realAt: Date.now(), speed: 1, paused: true } },
      ]),
  );
  // A resumed run has placed some of its orders already: the databases say how many.
  const placed = (await proc('order').call<TableDump>('dump')).orders?.length ?? 0;
  world.placed = Math.min(placed, setup.orders);
  driver.speed = setup.speed;
  if (!setup.resumed) for (let i = 0; i < setup.at && (await driver.step()); i++);
  if (!setup.paused) driver.play();
  else setup.publish([{ kind: 'sim', sim: driver.state() }]);
  return driver;
}
