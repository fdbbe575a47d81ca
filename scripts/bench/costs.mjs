// The cost counts: IndexedDB requests and transactions, and wire messages,
// per order — a burst of 500, then 500 at 50 orders/s — over the real broker
// and service code in Node on fake-indexeddb (src/test/costBench.test.ts, run
// by vitest, which reads TypeScript). They count work, not time, so they do
// not move with the machine's load; broken down by stage (database.store,
// database:stores of a transaction, channel).

import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function costFigures(orders = 500) {
  const out = join(tmpdir(), `cost-bench-${process.pid}.json`);
  try {
    execFileSync('npx', ['vitest', 'run', 'src/test/costBench.test.ts'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, COST_BENCH_OUT: out, COST_BENCH_ORDERS: String(orders) },
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(out, { force: true });
  }
}

/** The largest stages of one breakdown, as "name n" joined. */
const top = (breakdown, n = 8) =>
  Object.entries(breakdown)
    .slice(0, n)
    .map(([stage, x]) => `${stage} ${x}`)
    .join(', ');

export function logCosts(costs, log) {
  for (const [name, f] of [
    ['burst of ' + costs.burst.orders, costs.burst],
    [`${costs.steady.offered} orders/s`, costs.steady],
  ]) {
    log(
      `  ${name}: ${f.requestsPerOrder} IndexedDB requests, ${f.transactionsPerOrder} transactions, ${f.messagesPerOrder} wire messages per order`,
    );
    log(`    requests by store: ${top(f.requests)}`);
    log(`    transactions by stores: ${top(f.transactions)}`);
    log(`    messages by channel: ${top(f.messages)}`);
  }
}
