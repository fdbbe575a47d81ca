// A fault plan: what goes wrong in a run, triggered at logical positions (the
// nth time a process reaches a crash point, the next delivery of a type to a
// group), never at wall-clock times. Pure data plus a seeded generator.

import type { CrashPoint } from '../crashPoints';
import type { ServiceName } from '../rows';
import type { EsProcess } from '../eventsourcing/esTypes';
import type { CdcProcess } from '../cdc/cdcTypes';
import { pick, type Random } from '../random';

export type Fault =
  /** `service`: a shop service, or a process of an event-sourced run (orders, bank, query) or of a CDC run (listings, connector, query). */
  | {
      kind: 'crash';
      service: ServiceName | EsProcess | CdcProcess;
      point: CrashPoint;
      nth: number;
      /**
       * An outage: the process stays down this long (simulation time) before it comes back by itself.
       * Absent: it comes back when someone restarts it (a deterministic run's scheduler may pick that any step).
       */
      downMs?: number;
    }
  | { kind: 'duplicate'; group: ServiceName; type: string }
  /** The broker refuses the next `publishes` publishes: the outbox keeps its rows until it is back. */
  | { kind: 'broker-outage'; publishes: number }
  /** The next `type` to `group` is held back `ms`: its partition waits, the others overtake it. */
  | { kind: 'delay'; group: ServiceName; type: string; ms: number }
  /** `group` consumes `factor` times slower than the others, so its lag builds (deterministic runs grant it fewer steps). */
  | { kind: 'slow'; group: ServiceName; factor: number };

export type FaultKind = Fault['kind'];

export type FaultPlan = Fault[];

const SHOP: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];
const MESSAGING_POINTS: CrashPoint[] = [
  'before-commit',
  'after-commit-before-publish',
  'relay-after-publish-before-mark',
  'consumer-after-commit-before-ack',
];
/** Which event each service consumes in the choreography, to duplicate or delay. */
const CONSUMED: [ServiceName, string][] = [
  ['payment', 'OrderCreated'],
  ['inventory', 'PaymentCompleted'],
  ['shipping', 'InventoryReserved'],
  ['order', 'ShipmentScheduled'],
];
/** The same under orchestration: commands to the services, and the orchestrator's inputs. */
const ORCHESTRATED: [ServiceName, string][] = [
  ['inventory', 'ReserveInventory'],
  ['payment', 'ProcessPayment'],
  ['shipping', 'ScheduleShipment'],
  ['order', 'CompleteOrder'],
  ['orchestrator', 'OrderCreated'],
  ['orchestrator', 'PaymentCompleted'],
];

export interface RandomPlanOptions {
  /** Crash points to draw from (default: the messaging runtime's). */
  points?: CrashPoint[];
  /** The saga is orchestrated: faults aim at commands and the orchestrator too. */
  orchestrated?: boolean;
}

/**
 * The saga's retry window in simulation time (about 18 s: four 4 s step timeouts and their backoffs). Delays and
 * outages are drawn on both sides of it, up to what a link may hold, because a fault that outlasts the retries is
 * where a saga has to treat a step's outcome as unknown.
 */
const RETRY_WINDOW_MS = 18_000;
const LONGEST_DELAY_MS = 600_000;

/** A span of simulation time: short (under a second), about the retry window, or long (up to a link's maximum). */
function span(random: Random): number {
  const roll = random();
  if (roll < 0.35) return 20 + Math.floor(random() * 200);
  if (roll < 0.75) return Math.floor(RETRY_WINDOW_MS * (0.5 + random()));
  return RETRY_WINDOW_MS + Math.floor(random() * (LONGEST_DELAY_MS - RETRY_WINDOW_MS));
}

/** One to three faults drawn from the whole space a link may hold for the messaging runtime. */
export function randomPlan(random: Random, options: RandomPlanOptions = {}): FaultPlan {
  const points = options.points ?? MESSAGING_POINTS;
  const flows = options.orchestrated ? ORCHESTRATED : CONSUMED;
  const services = options.orchestrated ? [...SHOP, 'orchestrator' as const] : SHOP;
  const count = 1 + Math.floor(random() * 3);
  return Array.from({ length: count }, (): Fault => {
    const roll = random();
    if (roll < 0.2) {
      const [group, type] = pick(random, flows);
      return { kind: 'duplicate', group, type };
    }
    if (roll < 0.3) return { kind: 'broker-outage', publishes: 1 + Math.floor(random() * 5) };
    if (roll < 0.45) {
      const [group, type] = pick(random, flows);
      return { kind: 'delay', group, type, ms: span(random) };
    }
    if (roll < 0.52)
      return { kind: 'slow', group: pick(random, services), factor: 2 + Math.floor(random() * 8) };
    const crash: Fault = {
      kind: 'crash',
      service: pick(random, services),
      point: pick(random, points),
      nth: 1 + Math.floor(random() * 4),
    };
    // Half the crashes are outages: the process stays down for a while instead of coming back whenever it may.
    return random() < 0.5 ? { ...crash, downMs: span(random) } : crash;
  });
}

export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case 'crash':
      return `${fault.service} crashes the ${ordinal(fault.nth)} time it reaches ${fault.point}${fault.downMs ? ` and stays down ${fault.downMs} ms` : ''}`;
    case 'duplicate':
      return `the next ${fault.type} to ${fault.group} is delivered twice`;
    case 'broker-outage':
      return `the broker refuses the next ${fault.publishes} publishes`;
    case 'delay':
      return `the next ${fault.type} to ${fault.group} waits ${fault.ms} ms while other partitions go ahead`;
    case 'slow':
      return `${fault.group} consumes ${fault.factor}× slower than the others`;
  }
}

function ordinal(n: number): string {
  return `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}
