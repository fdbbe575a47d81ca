// npm run bench: drives the production build in headless Chromium with
// IndexedDB on disk (a persistent context) and prints what a run costs.
// Figures go to the console and to bench/results.json; no test depends on them.

import { spawn, execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs as args, executablePath } from './chromium.mjs';

const PORT = 4179;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 500);

if (!existsSync('dist/index.html')) execSync('npx vite build', { stdio: 'inherit' });
// Detached, so the whole process group (npx and the vite under it) can be stopped at the end.
const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 1500));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;
const summary = (xs) => ({ median: round(median(xs)), min: round(Math.min(...xs)), max: round(Math.max(...xs)) });

async function oneRun() {
  const profile = mkdtempSync(join(tmpdir(), 'mpp-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, args, headless: true });
  try {
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${PORT}/?pace=fast`);
    await page.waitForFunction(() => window.playground);
    await page.evaluate(() => window.playground.ready());
    const readyMs = Date.now() - t0;
    // Latency at light load: one order at a time, placed → every service quiet.
    const latencies = [];
    for (let i = 0; i < 10; i++) latencies.push(await page.evaluate(async () => {
      const start = performance.now();
      await window.playground.placeOrder();
      await window.playground.settle(30_000);
      return performance.now() - start;
    }));
    // Throughput: a burst of orders, from the first placed to the last COMPLETED and settled.
    const throughput = await page.evaluate(async (n) => {
      const start = performance.now();
      await window.playground.placeOrders(n);
      await window.playground.settle(120_000);
      const seconds = (performance.now() - start) / 1000;
      const snap = await window.playground.snapshot();
      const done = snap.services.order.orders.filter((o) => o.status === 'COMPLETED').length;
      return { ordersPerSecond: n / seconds, completed: done, anomalies: window.playground.anomalies().length };
    }, ORDERS);
    return { readyMs, settleLatencyMs: median(latencies), ...throughput };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

try {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await oneRun());
  const results = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    orders: ORDERS,
    runs,
    readyMs: summary(runs.map((r) => r.readyMs)),
    settleLatencyMs: summary(runs.map((r) => r.settleLatencyMs)),
    ordersPerSecond: summary(runs.map((r) => r.ordersPerSecond)),
  };
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', JSON.stringify(results, null, 2));
  console.table({
    'ready (ms)': results.readyMs,
    'one order placed → settled (ms)': results.settleLatencyMs,
    [`${ORDERS} orders: orders/s`]: results.ordersPerSecond,
  });
  console.log('written bench/results.json');
} finally {
  process.kill(-server.pid);
}
