// Every figure the benchmark prints, with its target (issue 8) and a pass/fail
// mark; the console table, the README's markdown table and results.json.

import { execSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';
import { summary } from './stats.mjs';
import { executablePath } from '../chromium.mjs';

/** `get(run)` reads one run's figure; `target` is [comparison, value] or null (reported, no target). */
export const FIGURES = [
  { id: 'bound1', label: '(1) IndexedDB bound: 1 row per transaction', unit: 'commits/s', get: (r) => r.bound?.singleRowCommitsPerSecond, target: null, digits: 0 },
  { id: 'bound100', label: '(1) IndexedDB bound: 100 rows per transaction', unit: 'rows/s', get: (r) => r.bound?.hundredRowsPerSecond, target: null, digits: 0 },
  { id: 'read10k', label: '(1) IndexedDB bound: read 10,000 event rows, one getAll by index', unit: 'ms', get: (r) => r.bound?.read10kByIndexMs, target: null, digits: 1 },
  { id: 'throughput', label: '(2) Throughput, choreography saga, no growing backlog', unit: 'orders/s', get: (r) => r.throughput?.ordersPerSecond, target: ['>=', 1000], digits: 0 },
  { id: 'ratio', label: '(2) Throughput ÷ single-row bound', unit: '', get: (r) => (r.throughput && r.bound ? r.throughput.ordersPerSecond / r.bound.singleRowCommitsPerSecond : undefined), target: ['>=', 0.4], digits: 2 },
  { id: 'p50', label: '(3) Placed → COMPLETED at 10 orders/s, p50', unit: 'ms', get: (r) => r.latency?.p50, target: ['<', 25], digits: 1 },
  { id: 'p99', label: '(3) Placed → COMPLETED at 10 orders/s, p99', unit: 'ms', get: (r) => r.latency?.p99, target: null, digits: 1 },
  { id: 'busy', label: '(4) Main thread busy at (2)', unit: '%', get: (r) => (r.sustained ? r.sustained.busyFraction * 100 : undefined), target: ['<', 50], digits: 1 },
  { id: 'longest', label: '(4) Longest main-thread task at (2) (0: none of 50 ms or more, the least the longtask API reports)', unit: 'ms', get: (r) => r.sustained?.longestTaskMs, target: ['<=', 50], digits: 0 },
  { id: 'longestGap', label: '(4) Longest gap between two frames at (2)', unit: 'ms', get: (r) => r.sustained?.longestFrameGapMs, target: null, digits: 0 },
  { id: 'slowFrames', label: '(4) Frames over 25 ms at (2)', unit: '% of frames', get: (r) => (r.sustained?.frames ? (100 * r.sustained.framesOver25ms) / r.sustained.frames : undefined), target: null, digits: 1 },
  { id: 'loadNoSnap', label: '(5) Load a 10,000-event order, snapshots off', unit: 'ms', get: (r) => r.replay?.loadWithoutSnapshotsMs, target: ['<', 50], digits: 1 },
  { id: 'loadSnap', label: '(5) Load a 10,000-event order, snapshot every 100', unit: 'ms', get: (r) => r.replay?.loadWithSnapshotsMs, target: ['<', 5], digits: 2 },
  { id: 'rebuild', label: '(5) Rebuild a read model from 100,000 events', unit: 's', get: (r) => (r.replay ? r.replay.rebuildMs / 1000 : undefined), target: ['<', 3], digits: 2 },
  { id: 'initialJs', label: '(6) Initial JS of the default page (gzip)', unit: 'kB', get: (r) => r.initialJsKB, target: ['<=', 250], digits: 1 },
  { id: 'workersJs', label: '(6) Worker scripts the default scenario starts (gzip)', unit: 'kB', get: (r) => r.workerJsKB, target: null, digits: 1 },
  { id: 'ready', label: '(6) Navigation → default scenario ready to play', unit: 'ms', get: (r) => r.readyMs, target: ['<', 1000], digits: 0 },
  { id: 'heap', label: '(7) JS heap after 60 s at (2)', unit: 'MB', get: (r) => r.sustained?.heapMB, target: ['<', 300], digits: 1 },
  { id: 'requestsBurst', label: '(8) IndexedDB requests per order, burst of 500 (Node, real service code)', unit: 'requests', get: (r) => r.costs?.burst.requestsPerOrder, target: ['<=', 20], digits: 2 },
  { id: 'transactionsBurst', label: '(8) IndexedDB transactions per order, burst of 500', unit: 'transactions', get: (r) => r.costs?.burst.transactionsPerOrder, target: null, digits: 2 },
  { id: 'requestsSteady', label: '(8) IndexedDB requests per order at 50 orders/s', unit: 'requests', get: (r) => r.costs?.steady.requestsPerOrder, target: null, digits: 2 },
  { id: 'transactionsSteady', label: '(8) IndexedDB transactions per order at 50 orders/s', unit: 'transactions', get: (r) => r.costs?.steady.transactionsPerOrder, target: ['<=', 3], digits: 2 },
  { id: 'messagesBurst', label: '(8) Wire messages taken in per order, burst of 500', unit: 'messages', get: (r) => r.costs?.burst.messagesPerOrder, target: null, digits: 2 },
  { id: 'messagesSteady', label: '(8) Wire messages taken in per order at 50 orders/s', unit: 'messages', get: (r) => r.costs?.steady.messagesPerOrder, target: null, digits: 2 },
  { id: 'heapGrowth', label: '(7) Heap growth over the last 30 s', unit: '%', get: (r) => (r.sustained ? r.sustained.heapGrowth * 100 : undefined), target: ['<', 10], digits: 1 },
];

const CHECK = { '>=': (a, b) => a >= b, '<': (a, b) => a < b, '<=': (a, b) => a <= b };

export function machine() {
  let chromium = 'unknown';
  try {
    chromium = execSync(`${executablePath} --version`, { encoding: 'utf8' }).trim();
  } catch {
    // reported as unknown
  }
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium,
  };
}

export function figures(runs) {
  return FIGURES.map((f) => {
    const s = summary(runs.map((r) => f.get(r)), f.digits);
    const pass = f.target && s.median !== null ? CHECK[f.target[0]](s.median, f.target[1]) : null;
    return { id: f.id, label: f.label, unit: f.unit, ...s, target: f.target ? `${f.target[0]} ${f.target[1]}` : null, pass };
  });
}

const mark = (pass) => (pass === null ? '—' : pass ? 'pass' : 'FAIL');
const fmt = (x) => (x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US'));

export function printTable(rows, log = console.log) {
  const lines = rows.map((r) => [r.label, `${fmt(r.median)} ${r.unit}`.trim(), `${fmt(r.min)} – ${fmt(r.max)}`, r.target ? `${r.target} ${r.unit}`.trim() : '—', mark(r.pass)]);
  const head = ['figure', 'median', 'min – max', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log(row(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) log(row(l));
}

export function markdownTable(rows) {
  const out = ['| Figure | Median | Min – max | Target | |', '|---|---:|---:|---:|---|'];
  for (const r of rows) out.push(`| ${r.label} | ${fmt(r.median)} ${r.unit} | ${fmt(r.min)} – ${fmt(r.max)} | ${r.target ? `${r.target} ${r.unit}` : '—'} | ${mark(r.pass)} |`);
  return out.join('\n');
}
