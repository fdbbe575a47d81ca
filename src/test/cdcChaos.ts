// The CDC chaos runner: per seed, a random plan of crashes at the CDC crash
// points (each at its nth arrival) and perhaps a kill of any process, broker
// included, right after a given step, over a deterministic run
// (cdcDeterministicRun.ts): the seed draws the plan, the listing writes and
// the interleaving, so a seed replays exactly. Whatever dies is restarted by
// the scheduler; the run ends once nothing is owed, then the CDC invariants
// are checked. With the patterns on none may break; the broken variant must
// show the anomaly it predicts — proof the checker can fail.

import type { CrashPoint } from '../core/crashPoints';
import { CDC_CRASH_POINTS, CDC_PROCESSES, type CdcProcess } from '../core/cdc/cdcTypes';
import type { Anomaly, InvariantName } from '../core/invariantCatalogue';
import { pick, seededRandom, type Random } from '../core/random';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';
import type { CdcSimProcess } from '../core/sim/cdcWorld';
import { runCdcDeterministic } from './cdcDeterministicRun';

export interface CdcVariant {
  /** The connector stores its position before it publishes (the test-only broken connector). */
  positionFirst: boolean;
  /** The anomaly this variant must show; null for the patterns, which must show none. */
  predicted: InvariantName | null;
}

export const CDC_VARIANTS = {
  'cdc-patterns': { positionFirst: false, predicted: null },
  'cdc-position-first': { positionFirst: true, predicted: 'cdc-read-model-matches-source' },
} satisfies Record<string, CdcVariant>;

export type CdcVariantName = keyof typeof CDC_VARIANTS;

export type CdcChaosFault =
  /** The process dies the `nth` time it reaches `point`. */
  | { kind: 'crash'; process: CdcProcess; point: CrashPoint; nth: number }
  /** The process is killed wherever it stands, right after step `step` of the run. */
  | { kind: 'kill'; process: CdcSimProcess; step: number };

export interface CdcSeedResult {
  seed: number;
  variant: CdcVariantName;
  plan: string[];
  anomalies: Anomaly[];
  /** What was still owed when settling gave up (empty once settled). */
  unsettled: string[];
  crashes: number;
  writes: number;
  /** Change events the connector published again after a restart. */
  duplicates: number;
  steps: number;
  traceHash: string;
  stateHash: string;
}

/** Listing writes per seed. */
const WRITES = { min: 12, max: 40 };
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export function describeCdcFault(f: CdcChaosFault): string {
  return f.kind === 'crash'
    ? `crash ${f.process} at ${f.point} (#${f.nth})`
    : `kill ${f.process} after step ${f.step}`;
}

/** One to three crashes (at most one per process and point), and half the time a kill; the broken variant always crashes its connector. */
export function randomCdcPlan(random: Random, variant: CdcVariant, writes: number): CdcChaosFault[] {
  const plan: CdcChaosFault[] = [];
  if (variant.positionFirst)
    plan.push({
      kind: 'crash',
      process: 'connector',
      point: 'cdc-after-publish-before-position',
      nth: int(random, 1, 3),
    });
  for (let n = int(random, 1, 3) - plan.length; n > 0; n--) {
    const process = pick(random, CDC_PROCESSES);
    const point = pick(random, CDC_CRASH_POINTS[process]);
    const nth = point === 'cdc-during-snapshot' ? 1 : int(random, 1, 6);
    if (!plan.some((f) => f.kind === 'crash' && f.process === process && f.point === point))
      plan.push({ kind: 'crash', process, point, nth });
  }
  if (random() < 0.5)
    plan.push({
      kind: 'kill',
      process: pick(random, ['broker', ...CDC_PROCESSES] as const),
      // Somewhere while the writes are still coming (about three steps each: write, poll, delivery).
      step: int(random, 1, 3 * writes),
    });
  return plan;
}

/** The deterministic scenario a seed names: its listing writes and its fault plan. */
export function cdcChaosScenario(
  seed: number,
  variant: CdcVariant,
): { scenario: Scenario; plan: CdcChaosFault[] } {
  const random = seededRandom(seed);
  const writes = int(random, WRITES.min, WRITES.max);
  const plan = randomCdcPlan(random, variant, writes);
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    topology: 'cdc',
    mode: 'deterministic',
    pace: 'fast',
    seed,
    orders: writes,
    faults: plan.flatMap((f) =>
      f.kind === 'crash' ? [{ kind: 'crash', service: f.process, point: f.point, nth: f.nth } as const] : [],
    ),
  };
  return { scenario, plan };
}

export async function runCdcSeed(seed: number, variantName: CdcVariantName): Promise<CdcSeedResult> {
  const variant: CdcVariant = CDC_VARIANTS[variantName];
  const { scenario, plan } = cdcChaosScenario(seed, variant);
  const kills = plan.flatMap((f) => (f.kind === 'kill' ? [{ process: f.process, step: f.step }] : []));
  const result = await runCdcDeterministic(scenario, { positionFirst: variant.positionFirst, kills });
  return {
    seed,
    variant: variantName,
    plan: plan.map(describeCdcFault),
    anomalies: result.anomalies,
    unsettled: [],
    crashes: result.crashes.length,
    writes: result.writes,
    duplicates: result.duplicates,
    steps: result.steps,
    traceHash: result.traceHash,
    stateHash: result.stateHash,
  };
}
