// The CDC chaos runner: per seed, a random plan of crashes at the CDC crash
// points (and perhaps a kill of any process, broker included, mid-stream) and
// a random workload of listing writes, run in-process on fake-indexeddb with
// the hosts the workers build. Whatever dies is restarted; then the run
// settles and the CDC invariants are checked. With the patterns on none may
// break; the broken variant must show the anomaly it predicts — proof the
// checker can fail.

import { isCrash } from '../core/crash';
import type { CrashPoint } from '../core/crashPoints';
import { CDC_CRASH_POINTS, CDC_PROCESSES, type CdcProcess } from '../core/cdc/cdcTypes';
import { checkCdcInvariants } from '../core/cdc/legacy/cdcInvariants';
import type { Anomaly, InvariantName } from '../core/invariants';
import { waitForQuiet } from '../core/quiet';
import { pick, seededRandom, type Random } from '../core/random';
import { CdcHarness, type CdcHarnessProcess } from './cdcHarness';

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
  /** The process is killed wherever it stands, while round `round`'s writes run. */
  | { kind: 'kill'; process: CdcHarnessProcess; round: number };

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
}

const ROUNDS = 5;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export function describeCdcFault(f: CdcChaosFault): string {
  return f.kind === 'crash'
    ? `crash ${f.process} at ${f.point} (#${f.nth})`
    : `kill ${f.process} in round ${f.round + 1}`;
}

/** One to three crashes (at most one per process and point), and half the time a kill; the broken variant always crashes its connector. */
export function randomCdcPlan(random: Random, variant: CdcVariant): CdcChaosFault[] {
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
      round: int(random, 0, ROUNDS - 1),
    });
  return plan;
}

/** Drives one seed's run: the hosts, the plan's crashes, and restarts of whatever died. */
class CdcChaosRun {
  readonly h: CdcHarness;
  writes = 0;

  constructor(
    seed: number,
    variant: CdcVariant,
    private readonly plan: CdcChaosFault[],
  ) {
    this.h = new CdcHarness({ seed, positionFirst: variant.positionFirst });
  }

  /** Listings first, so the connector's initial snapshot has the seed rows to read. */
  async start(): Promise<void> {
    for (const process of ['broker', 'listings', 'connector', 'query'] as const)
      await this.startAndArm(process);
  }

  async restartDead(): Promise<void> {
    for (const process of ['broker', 'listings', 'connector', 'query'] as const)
      if (this.h.dead(process)) await this.startAndArm(process);
  }

  /** `count` random writes; a crash of listings ends them early (its restart comes with the next round). */
  async write(count: number): Promise<void> {
    try {
      await this.h.listings().writeMany(count, () => void this.writes++);
    } catch (error) {
      if (!isCrash(error) && !this.h.dead('listings')) throw error;
    }
  }

  killsIn(round: number): CdcHarnessProcess[] {
    return this.plan.flatMap((f) => (f.kind === 'kill' && f.round === round ? [f.process] : []));
  }

  /** Starts `process` (after a crash: a new host on the same databases) and arms the plan's crashes it has not had yet. */
  private async startAndArm(process: CdcHarnessProcess): Promise<void> {
    await this.h.start(process);
    if (process === 'broker') return;
    const host =
      process === 'listings'
        ? this.h.listings()
        : process === 'connector'
          ? this.h.connector()
          : this.h.query();
    for (const f of this.plan)
      if (
        f.kind === 'crash' &&
        f.process === process &&
        !this.h.crashes.some((c) => c.process === process && c.point === f.point)
      )
        host.arm(f.point, f.nth);
  }
}

/** Rounds of random writes while the connector and the query service run; kills land mid-round, restarts between rounds. */
async function workload(run: CdcChaosRun, random: Random): Promise<void> {
  for (let round = 0; round < ROUNDS; round++) {
    const writing = run.write(int(random, 4, 14));
    const kills = run.killsIn(round);
    if (kills.length) {
      // Let some writes and change events get going, then pull the plug.
      await new Promise((resolve) => setTimeout(resolve, int(random, 0, 15)));
      for (const process of kills) run.h.kill(process);
    }
    await writing;
    // Sometimes the pipeline catches up before the restarts, sometimes not.
    if (random() < 0.5) await new Promise((resolve) => setTimeout(resolve, int(random, 0, 30)));
    await run.restartDead();
  }
}

const SETTLE_ROUNDS = 6;

/** Restarts whatever died and waits for quiet, a few times over (a late armed crash can still fire while settling). */
async function settle(run: CdcChaosRun): Promise<string[]> {
  let owed: string | null = 'not checked';
  for (let round = 0; round < SETTLE_ROUNDS && owed; round++) {
    await run.restartDead();
    owed = await waitForQuiet(() => run.h.owed(), 5_000).then(
      () => null,
      (error: Error) => error.message,
    );
  }
  return owed ? [owed] : [];
}

export async function runCdcSeed(seed: number, variantName: CdcVariantName): Promise<CdcSeedResult> {
  const variant: CdcVariant = CDC_VARIANTS[variantName];
  const random = seededRandom(seed);
  const plan = randomCdcPlan(random, variant);
  const run = new CdcChaosRun(seed, variant, plan);
  try {
    await run.start();
    await workload(run, random);
    const unsettled = await settle(run);
    const anomalies = unsettled.length ? [] : checkCdcInvariants(await run.h.snapshot(), { settled: true });
    const duplicates = unsettled.length ? 0 : (await run.h.connector().state()).duplicates;
    return {
      seed,
      variant: variantName,
      plan: plan.map(describeCdcFault),
      anomalies,
      unsettled,
      crashes: run.h.crashes.length,
      writes: run.writes,
      duplicates,
    };
  } finally {
    run.h.close();
  }
}
