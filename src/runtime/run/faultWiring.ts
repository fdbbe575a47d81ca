// How a run's fault plan reaches its processes: the FaultControl that arms
// each (re)started process, aims broker faults at the broker, restarts a
// process once its planned outage is over, and takes a new plan only once it
// is checked against the run's topology. Apart from the Conductor so that the
// plan is wired to the processes in one place and the Conductor only hands it
// on: its crashes and reports in, its events out.

import type { Fault } from '../../core/faults/faultPlan';
import type { Topology } from '../../core/scenario/scenario';
import { validateFaultPlan } from '../../core/scenario/validate';
import { FaultControl, type FaultEvent } from '../faultControl';
import type { ProcessLife } from './processLife';
import type { RunFacts } from './runFacts';
import { runFaultTargets } from './runFaultTargets';

export interface FaultWiring<P extends string> {
  facts: RunFacts<P>;
  /** The plan the run opens with. */
  plan: Fault[];
  /** A new plan is checked against this topology, as strictly as a share link's. */
  topology: Topology;
  processes: ProcessLife<P>;
  /** A live run brings a process back itself when its outage is over; a deterministic run's scheduler does. */
  live: boolean;
  /** Where the run stands when a fault fires: simulation time and (deterministic) step. */
  position(): { at: number; step: number | null };
  publish(events: FaultEvent[]): void;
}

export function wireFaults<P extends string>(wiring: FaultWiring<P>): FaultControl<P> {
  const { facts, processes } = wiring;
  return new FaultControl<P>(wiring.plan, {
    targets: () =>
      runFaultTargets(
        facts,
        (p) => processes.handle(p),
        (p, point, nth) => processes.crashAt(p, point, nth),
      ),
    alive: () => processes.alive(),
    // The broker forgets its injected faults; a service disarms its crash point.
    clear: (p) => processes.handle(p).call(p === facts.broker ? 'clearFaults' : 'disarm'),
    validate: (plan) => checkedPlan(plan, wiring.topology),
    position: wiring.position,
    publish: wiring.publish,
    live: wiring.live,
    restart: (p) => processes.restart(p),
    isCrashed: (p) => processes.handle(p).status === 'crashed',
  });
}

function checkedPlan(plan: Fault[], topology: Topology): Fault[] {
  const checked = validateFaultPlan(plan, topology);
  if (!checked.ok) throw new Error(`not a valid fault plan: ${checked.problems.join('; ')}`);
  return checked.faults;
}
