// Test code, never shipped: the cost counts for `npm run bench`
// (scripts/bench/costs.mjs runs this file with COST_BENCH_OUT set; a plain
// test run skips it). A burst of 500 orders, then 500 at 50 orders a second.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureCosts } from './costRun';

const OUT = process.env.COST_BENCH_OUT;
const ORDERS = Number(process.env.COST_BENCH_ORDERS ?? 500);

describe.skipIf(!OUT)('cost counts for npm run bench', () => {
  it('counts a burst and a steady 50 orders/s', { timeout: 600_000 }, async () => {
    const burst = await measureCosts(ORDERS);
    const steady = await measureCosts(ORDERS, 50);
    expect(burst.requestsPerOrder).toBeGreaterThan(0);
    writeFileSync(OUT!, JSON.stringify({ burst, steady }, null, 2));
  });
});
