// Runs the CDC chaos suite. CHAOS_SEEDS sets how many seeds per variant
// (`npm run chaos -- --seeds N`); every test run does a modest number.
import { describe, expect, it } from 'vitest';
import { CDC_VARIANTS, runCdcSeed, type CdcSeedResult, type CdcVariantName } from './cdcChaos';
import { CDC_CHAOS_REGRESSIONS } from './cdcChaosRegressions';

const SEEDS = Number(process.env.CHAOS_SEEDS ?? 5);
const FIRST_SEED = Number(process.env.CHAOS_FIRST_SEED ?? 1);
const seeds = Array.from({ length: SEEDS }, (_, i) => FIRST_SEED + i);
/** CHAOS_VARIANTS=a,b runs only those (`npm run chaos -- --variants cdc-patterns`). */
const ONLY = process.env.CHAOS_VARIANTS?.split(',');
const chosen = (v: CdcVariantName) => !ONLY || ONLY.includes(v);
const BROKEN = (Object.keys(CDC_VARIANTS) as CdcVariantName[]).filter(
  (v) => v !== 'cdc-patterns' && chosen(v),
);

const sum = (results: CdcSeedResult[], of: (r: CdcSeedResult) => number) =>
  results.reduce((n, r) => n + of(r), 0);
const failed = (r: CdcSeedResult) => r.anomalies.length > 0 || r.unsettled.length > 0;
const why = (r: CdcSeedResult) => [...r.unsettled, ...r.anomalies.map((a) => a.message)].join('; ');

function report(variant: CdcVariantName, results: CdcSeedResult[]): void {
  const hit = results.filter(failed);
  console.log(
    `chaos ${variant}: ${results.length} seeds, ${hit.length} with anomalies, ${sum(results, (r) => r.crashes)} crashes, ` +
      `${sum(results, (r) => r.writes)} listing writes, ${sum(results, (r) => r.duplicates)} change events published twice, ` +
      `${sum(results, (r) => r.steps)} steps`,
  );
  // With the patterns on every failing seed is printed (rerun it with CHAOS_FIRST_SEED=<seed> CHAOS_SEEDS=1).
  if (variant === 'cdc-patterns')
    for (const r of hit) console.log(`  seed ${r.seed}: ${r.plan.join('; ')} → ${why(r)}`);
  else if (hit[0]) console.log(`  first: seed ${hit[0].seed}: ${hit[0].plan.join('; ')} → ${why(hit[0])}`);
}

const timeout = 60_000 + SEEDS * 5_000;

describe('CDC chaos', () => {
  it.runIf(chosen('cdc-patterns'))(
    `cdc-patterns: ${SEEDS} random crash plans, settled, read model equals the table, nothing unpublished`,
    { timeout },
    async () => {
      const results: CdcSeedResult[] = [];
      for (const seed of seeds) results.push(await runCdcSeed(seed, 'cdc-patterns'));
      report('cdc-patterns', results);
      expect(
        results.filter(failed).map((r) => ({
          seed: r.seed,
          plan: r.plan,
          unsettled: r.unsettled,
          anomalies: r.anomalies.map((a) => a.message),
        })),
      ).toEqual([]);
      expect(sum(results, (r) => r.crashes)).toBeGreaterThan(0);
    },
  );

  for (const variant of BROKEN) {
    it(
      `${variant}: shows ${CDC_VARIANTS[variant].predicted} within its first seeds`,
      { timeout },
      async () => {
        const results: CdcSeedResult[] = [];
        for (const seed of seeds) results.push(await runCdcSeed(seed, variant));
        report(variant, results);
        expect(
          results.filter((r) => r.anomalies.some((a) => a.invariant === CDC_VARIANTS[variant].predicted))
            .length,
        ).toBeGreaterThan(0);
      },
    );
  }
});

describe('CDC chaos replays', () => {
  it('the same seed twice gives the same figures, trace and end state', { timeout }, async () => {
    for (const variant of ['cdc-patterns', 'cdc-position-first'] as const)
      expect(await runCdcSeed(FIRST_SEED + 2, variant)).toEqual(await runCdcSeed(FIRST_SEED + 2, variant));
  });
});

// Vitest refuses an empty suite: it is declared once there is a seed to keep.
describe.runIf(CDC_CHAOS_REGRESSIONS.length > 0)(
  'CDC chaos regressions: seeds that once broke an invariant with the patterns on',
  () => {
    for (const regression of CDC_CHAOS_REGRESSIONS)
      it(`${regression.name} (seed ${regression.seed})`, async () => {
        const result = await runCdcSeed(regression.seed, 'cdc-patterns');
        expect({ unsettled: result.unsettled, anomalies: result.anomalies.map((a) => a.message) }).toEqual({
          unsettled: [],
          anomalies: [],
        });
      });
  },
);
