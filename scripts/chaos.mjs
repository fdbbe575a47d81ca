// npm run chaos -- --seeds N [--first S] [--variants a,b]: N seeded fault plans per variant, in Node.
// With the patterns on every invariant must hold; each broken variant must show its anomaly.
// Three suites run: the shop's (patterns, dual-write, …), the event-sourced one (es-patterns, es-checkpoint-apart)
// and the CDC one (cdc-patterns, cdc-position-first).
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const seeds = Number(option('seeds', '20'));
if (!Number.isInteger(seeds) || seeds < 1) {
  console.error(`--seeds takes a whole number of seeds, got "${option('seeds', '')}"`);
  process.exit(2);
}
// With --variants, only the suites that own one of them run (a suite with every test filtered out fails as empty).
const variants = option('variants', '').split(',').filter(Boolean);
const SUITES = [
  ['src/test/chaos.test.ts', (v) => !v.startsWith('es-') && !v.startsWith('cdc-')],
  ['src/test/esChaos.test.ts', (v) => v.startsWith('es-')],
  ['src/test/cdcChaos.test.ts', (v) => v.startsWith('cdc-')],
];
const files = SUITES.filter(([, owns]) => !variants.length || variants.some(owns)).map(([file]) => file);
const result = spawnSync('npx', ['vitest', 'run', ...files], {
  stdio: 'inherit',
  env: {
    ...process.env,
    CHAOS_SEEDS: String(seeds),
    CHAOS_FIRST_SEED: option('first', '1'),
    ...(option('variants', '') ? { CHAOS_VARIANTS: option('variants', '') } : {}),
  },
});
process.exit(result.status ?? 1);
