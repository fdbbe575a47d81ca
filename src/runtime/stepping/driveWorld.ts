// Deterministic mode for any topology: the seeded scheduler over the
// topology's sim world, driven by a StepDriver. The conductor's listeners hear
// where the scheduler stands (and simulation time stands at its time); a link
// may open a fresh run some steps in; a run opened paused waits for Step,
// Play or Run to end, one opened playing free-runs until a script takes over.

import type { SimWorld } from '../../core/sim/simWorld';
import type { SteppingContext } from '../run/conductorTypes';
import { StepDriver } from '../stepDriver';

export async function driveWorld<P extends string, E>(
  world: SimWorld,
  context: SteppingContext<P, E>,
): Promise<StepDriver> {
  const driver = new StepDriver(
    world,
    { seed: context.seed },
    // The UI's countdowns read simulation time: in a deterministic run it stands at the scheduler's.
    (sim) =>
      context.publish([
        { kind: 'sim', sim },
        { kind: 'timing', timing: { simAt: sim.simTime, realAt: Date.now(), speed: 1, paused: true } },
      ]),
  );
  driver.speed = context.speed;
  if (!context.resumed) for (let i = 0; i < context.at && (await driver.step()); i++);
  if (!context.paused) driver.play();
  else context.publish([{ kind: 'sim', sim: driver.state() }]);
  return driver;
}
