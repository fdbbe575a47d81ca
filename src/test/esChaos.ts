// The event-sourced chaos runner: per seed, a random plan of crashes at the ES
// crash points (each at its nth arrival) and perhaps a kill after a given
// step, over a deterministic run (esDeterministicRun.ts): the seed draws the
// plan, the workload (order commands and transfers) and the interleaving, so
// a seed replays exactly. Whatever dies is restarted by the scheduler (a bank
// restart resumes its transfers); the run ends only once nothing is owed,
// then the ES invariants are checked. With the patterns on none may break;
// the broken variant must show the anomaly it predicts — proof the checker
// can fail.

import type { CrashPoint } from '../core/crashPoints';
import { ES_CRASH_POINTS, ES_PROCESSES, type EsProcess } from '../core/eventsourcing/esTypes';
import type { Anomaly, InvariantName } from '../core/invariantCatalogue';
import { pick, seededRandom, type Random } from '../core/random';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';
import { runEsDeterministic } from './esDeterministicRun';

export interface EsVariant {
  /** The query service projects with its checkpoint outside the batch's transaction (the test-only broken projector). */
  checkpointApart: boolean;
  /** The anomaly this variant must show; null for the patterns, which must show none. */
  predicted: InvariantName | null;
}

export const ES_VARIANTS = {
  'es-patterns': { checkpointApart: false, predicted: null },
  'es-checkpoint-apart': { checkpointApart: true, predicted: 'read-model-converged' },
} satisfies Record<string, EsVariant>;

export type EsVariantName = keyof typeof ES_VARIANTS;

/** One planned crash: the process dies the `nth` time it reaches `point`. */
export interface EsCrash {
  process: EsProcess;
  point: CrashPoint;
  nth: number;
}

/** One planned kill: the process ends where it stands right after step `step`. */
export interface EsKill {
  process: EsProcess;
  step: number;
}

export interface EsSeedResult {
  seed: number;
  variant: EsVariantName;
  plan: string[];
  anomalies: Anomaly[];
  /** What was still owed at the end: a deterministic run ends only once nothing is, so empty unless it broke. */
  unsettled: string[];
  crashes: number;
  transfers: { completed: number; attempted: number };
  events: number;
  steps: number;
  traceHash: string;
  stateHash: string;
}

/** Workload items per seed: order commands and transfers. */
const ITEMS = { min: 20, max: 40 };

const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
export const describeEsCrash = (c: EsCrash) => `crash ${c.process} at ${c.point} (#${c.nth})`;
const describeEsKill = (k: EsKill) => `kill ${k.process} after step ${k.step}`;

/** One to three crashes, at most one per process and point; the broken variant always gets a query crash. */
export function randomEsPlan(random: Random, variant: EsVariant): EsCrash[] {
  const plan: EsCrash[] = [];
  if (variant.checkpointApart)
    plan.push({ process: 'query', point: 'projection-before-checkpoint-commit', nth: int(random, 1, 4) });
  for (let n = int(random, 1, 3) - plan.length; n > 0; n--) {
    const process = pick(random, ES_PROCESSES);
    const crash = { process, point: pick(random, ES_CRASH_POINTS[process]), nth: int(random, 1, 4) };
    if (!plan.some((c) => c.process === crash.process && c.point === crash.point)) plan.push(crash);
  }
  return plan;
}

/** The deterministic scenario a seed names: its workload size, snapshot policy and crash plan. */
export function esChaosScenario(
  seed: number,
  variant: EsVariant,
): { scenario: Scenario; plan: EsCrash[]; kills: EsKill[] } {
  const random = seededRandom(seed);
  const plan = randomEsPlan(random, variant);
  const snapshotEvery = pick(random, [2, 3, 5]);
  const orders = int(random, ITEMS.min, ITEMS.max);
  // Half the seeds also lose a process wherever it stands, somewhere in the first two steps per item.
  const kills =
    random() < 0.5 ? [{ process: pick(random, ES_PROCESSES), step: int(random, 1, 2 * orders) }] : [];
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    topology: 'event-sourced',
    mode: 'deterministic',
    pace: 'fast',
    seed,
    orders,
    snapshotEvery,
    faults: plan.map((c) => ({ kind: 'crash', service: c.process, point: c.point, nth: c.nth })),
  };
  return { scenario, plan, kills };
}

export async function runEsSeed(seed: number, variantName: EsVariantName): Promise<EsSeedResult> {
  const variant: EsVariant = ES_VARIANTS[variantName];
  const { scenario, plan, kills } = esChaosScenario(seed, variant);
  const result = await runEsDeterministic(scenario, { checkpointApart: variant.checkpointApart, kills });
  const transfers = result.trace.filter((line) => line.includes(': transfer '));
  return {
    seed,
    variant: variantName,
    plan: [...plan.map(describeEsCrash), ...kills.map(describeEsKill)],
    anomalies: result.anomalies,
    unsettled: [],
    crashes: result.crashes.length,
    transfers: {
      completed: transfers.filter((line) => !/→ (crashed|failed: )/.test(line)).length,
      attempted: transfers.length,
    },
    events: result.events,
    steps: result.steps,
    traceHash: result.traceHash,
    stateHash: result.stateHash,
  };
}
