// Runs the chaos suite. CHAOS_SEEDS sets how many seeds per variant
// (`npm run chaos -- --seeds N`); every test run does a modest number.
import { describe, expect, it } from 'vitest';
import { runSeed, VARIANTS, type SeedResult, type VariantName } from './chaos';
import { CHAOS_REGRESSIONS } from './chaosRegressions';

const SEEDS = Number(process.env.CHAOS_SEEDS ?? 5);
const FIRST_SEED = Number(process.env.CHAOS_FIRST_SEED ?? 1);
const seeds = Array.from({ length: SEEDS }, (_, i) => FIRST_SEED + i);
/** CHAOS_VARIANTS=a,b runs only those (`npm run chaos -- --variants direct-calls`). */
const ONLY = process.env.CHAOS_VARIANTS?.split(',');
const chosen = (v: VariantName) => !ONLY || ONLY.includes(v);
const NAMES = Object.keys(VARIANTS) as VariantName[];
/** Variants with every pattern on (whatever relays their outboxes): no seed may break an invariant. */
const CLEAN = NAMES.filter((v) => VARIANTS[v].predicted === null && chosen(v));
const BROKEN = NAMES.filter((v) => VARIANTS[v].predicted !== null && chosen(v));

function report(variant: VariantName, results: SeedResult[]): void {
  const hit = results.filter((r) => r.anomalies.length);
  const steps = results.reduce((sum, r) => sum + r.steps, 0);
  console.log(`chaos ${variant}: ${results.length} seeds, ${hit.length} with anomalies, ${steps} steps`);
  // With the patterns on, every failing seed is printed with the link that replays it.
  if (VARIANTS[variant].predicted === null)
    for (const r of hit)
      console.log(
        `  seed ${r.seed}: ${r.plan.join('; ')} → ${r.anomalies.map((a) => `${a.message}${a.step ? ` (first broke at step ${a.step})` : ''}`).join('; ')}\n  replay: ${r.link}`,
      );
  else if (hit[0])
    console.log(
      `  first: seed ${hit[0].seed}: ${hit[0].plan.join('; ')} → ${hit[0].anomalies[0].message}\n  replay: ${hit[0].link}`,
    );
}

const timeout = 60_000 + SEEDS * 3_000;

describe('chaos', () => {
  for (const variant of CLEAN) {
    it(
      `${variant === 'patterns' ? 'patterns on' : variant}: ${SEEDS} random fault plans, no invariant broken`,
      { timeout },
      async () => {
        const results: SeedResult[] = [];
        for (const seed of seeds) results.push(await runSeed(seed, variant));
        report(variant, results);
        const broken = results.filter((r) => r.anomalies.length);
        expect(
          broken.map((r) => ({
            seed: r.seed,
            plan: r.plan,
            anomalies: r.anomalies.map((a) => a.message),
            link: r.link,
          })),
        ).toEqual([]);
      },
    );
  }

  for (const variant of BROKEN) {
    it(`${variant}: shows ${VARIANTS[variant].predicted} within its first seeds`, { timeout }, async () => {
      const results: SeedResult[] = [];
      for (const seed of seeds) results.push(await runSeed(seed, variant));
      report(variant, results);
      const predicted = results.filter((r) =>
        r.anomalies.some((a) => a.invariant === VARIANTS[variant].predicted),
      );
      expect(predicted.length).toBeGreaterThan(0);
    });
  }
});

describe.runIf(CHAOS_REGRESSIONS.length > 0)(
  'chaos regressions: seeds that once broke an invariant with the patterns on',
  () => {
    for (const regression of CHAOS_REGRESSIONS)
      it(`${regression.name} (seed ${regression.seed})`, async () => {
        const result = await runSeed(regression.seed, 'patterns', regression.scenario);
        expect(result.anomalies.map((a) => a.message)).toEqual([]);
      });
  },
);
