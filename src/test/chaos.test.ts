// Runs the chaos suite. CHAOS_SEEDS sets how many seeds per variant
// (`npm run chaos -- --seeds N`); every test run does a modest number.
import { describe, expect, it } from 'vitest';
import { runSeed, VARIANTS, type SeedResult, type VariantName } from './chaos';

const SEEDS = Number(process.env.CHAOS_SEEDS ?? 3);
const FIRST_SEED = Number(process.env.CHAOS_FIRST_SEED ?? 1);
const seeds = Array.from({ length: SEEDS }, (_, i) => FIRST_SEED + i);

/** Seeds that once broke an invariant with the patterns on, kept as named regression cases. */
const REGRESSIONS: { seed: number; why: string }[] = [];

function report(variant: VariantName, results: SeedResult[]): void {
  const hit = results.filter((r) => r.anomalies.length);
  console.log(`chaos ${variant}: ${results.length} seeds, ${hit.length} with anomalies` + (hit[0] ? ` (first: seed ${hit[0].seed}: ${hit[0].plan.join('; ')} → ${hit[0].anomalies[0].message})` : ''));
}

describe('chaos', () => {
  it(`patterns on: ${SEEDS} random fault plans, no invariant broken`, { timeout: 60_000 + SEEDS * 5_000 }, async () => {
    const results: SeedResult[] = [];
    for (const seed of [...REGRESSIONS.map((r) => r.seed), ...seeds]) results.push(await runSeed(seed, 'patterns'));
    report('patterns', results);
    const broken = results.filter((r) => r.anomalies.length);
    expect(broken.map((r) => ({ seed: r.seed, plan: r.plan, anomalies: r.anomalies.map((a) => a.message) }))).toEqual([]);
  });

  for (const variant of Object.keys(VARIANTS).filter((v) => v !== 'patterns') as VariantName[]) {
    it(`${variant}: shows ${VARIANTS[variant].predicted} within its first seeds`, { timeout: 60_000 + SEEDS * 5_000 }, async () => {
      const results: SeedResult[] = [];
      for (const seed of seeds) results.push(await runSeed(seed, variant));
      report(variant, results);
      const predicted = results.filter((r) => r.anomalies.some((a) => a.invariant === VARIANTS[variant].predicted));
      expect(predicted.length).toBeGreaterThan(0);
    });
  }
});
