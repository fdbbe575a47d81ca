// The chaos runner: many seeded fault plans, each run as a deterministic
// scenario against the real services and broker in Node. With the patterns on,
// every invariant must hold once the run has ended; each broken variant must
// show the anomaly the seed text predicts — proof the checker can fail. Every
// run is a scenario, so a failing seed has a share link that replays it.

import type { InvariantName, Anomaly } from '../core/invariantCatalogue';
import { describeFault, randomPlan, type Fault, type FaultPlan } from '../core/faults/faultPlan';
import type { CrashPoint } from '../core/crashPoints';
import { pick, seededRandom, type Random } from '../core/random';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';
import { scenarioLink } from '../core/scenario/link';
import { runDeterministic } from './deterministicRun';

export interface Variant {
  /** What the variant changes in the scenario (the pattern it switches off). */
  scenario: Partial<Scenario>;
  /** The anomaly this variant must show; null for the patterns, which must show none. */
  predicted: InvariantName | null;
  plan: (random: Random, scenario: Scenario) => FaultPlan;
}

/** The order service dies at `point` on one of its first three orders: the moment a variant is weakest. */
const orderCrash = (random: Random, point: CrashPoint): Fault => ({
  kind: 'crash',
  service: 'order',
  point,
  nth: 1 + Math.floor(random() * 3),
});

/** A saga step's command held back longer than the orchestrator waits for it (four 4 s timeouts and backoffs). */
const lateCommand = (random: Random): Fault => {
  const [group, type] = pick(random, [
    ['inventory', 'ReserveInventory'],
    ['payment', 'ProcessPayment'],
    ['shipping', 'ScheduleShipment'],
  ] as const);
  return { kind: 'delay', group, type, ms: 25_000 + Math.floor(random() * 60_000) };
};

export const VARIANTS = {
  patterns: {
    scenario: {},
    predicted: null,
    plan: (r, s) => randomPlan(r, { orchestrated: s.sagaStyle === 'orchestration' }),
  },
  /** The patterns with each outbox relayed by tailing the change log: the same crashes, the same guarantees. */
  'log-tailing': {
    scenario: { relay: 'log-tailing' },
    predicted: null,
    plan: (r, s) => randomPlan(r, { orchestrated: s.sagaStyle === 'orchestration' }),
  },
  'dual-write': {
    scenario: { publishing: 'dual-write' },
    predicted: 'no-event-lost',
    plan: (r) => [orderCrash(r, 'after-commit-before-publish'), ...randomPlan(r)],
  },
  'no-inbox': {
    scenario: { inbox: false },
    predicted: 'no-duplicate-side-effect',
    plan: (r) =>
      randomPlan(r, { points: ['consumer-after-commit-before-ack', 'relay-after-publish-before-mark'] }),
  },
  'no-idempotency-key': {
    scenario: { inbox: false, idempotencyKeys: false },
    predicted: 'no-double-charge',
    plan: (r) => [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }, ...randomPlan(r)],
  },
  /**
   * Compensation without the late-command refusal: a saga step's command held back past the retry window is
   * compensated (a no-op, it had not happened), then carried out when it arrives — on a cancelled order.
   */
  'no-semantic-lock': {
    scenario: { semanticLocks: false, sagaStyle: 'orchestration' },
    predicted: 'saga-fully-compensated',
    plan: (r) => [lateCommand(r), ...randomPlan(r, { orchestrated: true })],
  },
  'direct-calls': {
    scenario: { ordering: 'direct-calls' },
    predicted: 'no-order-stuck',
    plan: (r) => [orderCrash(r, 'direct-after-charge'), ...randomPlan(r)],
  },
} satisfies Record<string, Variant>;

export type VariantName = keyof typeof VARIANTS;

export interface SeedResult {
  seed: number;
  variant: VariantName;
  plan: string[];
  anomalies: Anomaly[];
  /** Opens this exact run in the playground (served by `npm start`). */
  link: string;
  steps: number;
}

const ORDERS = 6;
export const LINK_BASE = process.env.CHAOS_LINK_BASE ?? 'http://localhost:5173/';

/** The scenario a seed names: the variant's switches, a random fault plan, both saga styles in turn. */
export function chaosScenario(seed: number, variantName: VariantName): Scenario {
  const variant: Variant = VARIANTS[variantName];
  const random = seededRandom(seed);
  const base: Scenario = {
    ...DEFAULT_SCENARIO,
    mode: 'deterministic',
    pace: 'fast',
    seed,
    orders: ORDERS,
    sagaStyle: variant.predicted === null && seed % 2 === 0 ? 'orchestration' : 'choreography',
    ...variant.scenario,
    faults: [],
  };
  return { ...base, faults: variant.plan(random, base) };
}

/** `pinned`: a regression's saga style and plan, replayed as they were drawn when it failed. */
export async function runSeed(
  seed: number,
  variantName: VariantName,
  pinned?: Partial<Scenario>,
): Promise<SeedResult> {
  const scenario = { ...chaosScenario(seed, variantName), ...pinned };
  // A seed that breaks the patterns is a surprise: find the step it broke at.
  const result = await runDeterministic(scenario, { locate: VARIANTS[variantName].predicted === null });
  return {
    seed,
    variant: variantName,
    plan: scenario.faults.map(describeFault),
    anomalies: result.anomalies,
    link: scenarioLink(LINK_BASE, scenario),
    steps: result.steps,
  };
}
