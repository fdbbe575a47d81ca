// npm run bench: drives the production build in headless Chromium with
// IndexedDB on disk (a persistent context, fresh profile per run) and measures
// in one run everything issue 8 asks for: the raw IndexedDB bound, saga
// throughput without growing backlog, latency at light load, the canvas's cost
// and the heap at that throughput, replay and rebuild, initial JS and start,
// and the run history's time to rebuild a past moment and its heap after 60 s at
// full load, and the history views' time per feed update at 10,000 and 100,000 facts;
// and, when nats-server is installed, the saga on NATS JetStream beside the raw
// JetStream publish-and-ack rate from the same browser (scripts/bench/jetstream.mjs).
// Prints each figure with its target and writes bench/results.json (and the
// README's table to bench/results.md). No test depends on these figures.
//
//   BENCH_QUICK=1     shorter everything, one run (for development)
//   BENCH_RUNS=n      runs to take medians over (default 3)
//   BENCH_ONLY=a,b    only these sections: costs,start,latency,bound,throughput,sustained,replay,history,jetstream
//   BENCH_RATE=n      skip the search and use this offered rate for (2)'s sustained run
//   BENCH_DIST=dir    where to build (default /tmp/dist-bench); BENCH_NO_BUILD=1 reuses it
//   BENCH_PORT=n      the preview server's port (default 4179)
//   BENCH_OUT=file    where the figures go (default bench/results.json; the markdown table beside it)

import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname } from 'node:path';
import { build, serve } from './bench/server.mjs';
import { openSession } from './bench/session.mjs';
import { initialJs, readyTime, workerJs } from './bench/startup.mjs';
import { idbBound } from './bench/bound.mjs';
import { latency, searchThroughput } from './bench/load.mjs';
import { sustained } from './bench/sustained.mjs';
import { replay } from './bench/replay.mjs';
import { figures, machine, markdownTable, printTable } from './bench/report.mjs';
import { historyFigures } from './bench/history.mjs';
import { buildRawPublisher, jetStreamFigures } from './bench/jetstream.mjs';
import { costFigures, logCosts } from './bench/costs.mjs';

const QUICK = Boolean(process.env.BENCH_QUICK);
const RUNS = Number(process.env.BENCH_RUNS ?? (QUICK ? 1 : 3));
const DIST = process.env.BENCH_DIST ?? '/tmp/dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const FIXED_RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : null;
const OUT = process.env.BENCH_OUT ?? 'bench/results.json';
const want = (section) => !ONLY || ONLY.has(section);

const PLAN = QUICK
  ? {
      boundMs: 1500,
      latencySeconds: 6,
      probeSeconds: 6,
      maxProbes: 6,
      sustainedSeconds: 20,
      warmupSeconds: 3,
      loads: 3,
      rebuildEvents: 100_000,
    }
  : {
      boundMs: 3000,
      latencySeconds: 15,
      probeSeconds: 10,
      maxProbes: 9,
      sustainedSeconds: 60,
      warmupSeconds: 5,
      loads: 5,
      rebuildEvents: 100_000,
    };

const log = (...args) => console.log(...args);

async function oneRun(index, url, previous) {
  const session = await openSession(url);
  const run = {};
  const t0 = Date.now();
  try {
    run.loadAverage = loadavg().map((x) => Math.round(x * 100) / 100);
    log(
      `  machine load average before the run: ${run.loadAverage.join(', ')} (other processes share these cores)`,
    );
    if (want('start')) {
      const { page, readyMs } = await readyTime(session);
      run.readyMs = readyMs;
      log(`  ready to play in ${readyMs.toFixed(0)} ms`);
      await page.close();
    }
    if (want('latency')) {
      run.latency = await latency(session, { rate: 10, seconds: PLAN.latencySeconds });
      log(
        `  latency at 10 orders/s: p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms (${run.latency.orders} orders)`,
      );
      log(
        `    hop medians (ms): ${Object.entries(run.latency.stages)
          .map(([k, v]) => `${k} ${v}`)
          .join('; ')}`,
      );
    }
    if (want('bound')) {
      // After the latency run: the bound's writes leave the disk busy (compaction) for a moment.
      const page = await session.open();
      run.bound = await idbBound(page, { ms: PLAN.boundMs });
      log(
        `  IndexedDB bound: ${run.bound.singleRowCommitsPerSecond.toFixed(0)} commits/s (1 row), ${run.bound.hundredRowsPerSecond.toFixed(0)} rows/s (100 rows); 10,000 rows read in ${run.bound.read10kByIndexMs.toFixed(1)} ms by index, ${run.bound.read10kByKeyMs.toFixed(1)} ms by key`,
      );
      await page.close();
      await new Promise((r) => setTimeout(r, 2000));
    }
    let rate = FIXED_RATE;
    if (want('throughput') && !FIXED_RATE) {
      log('  searching for the highest sustained rate:');
      run.throughput = await searchThroughput(session, {
        start: previous ? Math.max(50, Math.round(previous * 0.8)) : 100,
        seconds: PLAN.probeSeconds,
        maxProbes: PLAN.maxProbes,
        log,
      });
      rate = run.throughput.offeredPerSecond;
      log(
        `  throughput: ${run.throughput.ordersPerSecond.toFixed(0)} orders/s completed (offered ${rate}/s; machine load ${run.throughput.loadAverage.join(', ')})`,
      );
    }
    if (want('sustained') && rate) {
      log(`  ${PLAN.sustainedSeconds} s at ${rate} orders/s with the canvas on screen:`);
      run.sustained = await sustained(session, {
        rate,
        seconds: PLAN.sustainedSeconds,
        warmupSeconds: PLAN.warmupSeconds,
        log,
      });
      const s = run.sustained;
      log(
        `    busy ${(s.busyFraction * 100).toFixed(1)}%, longest task ${s.longestTaskMs.toFixed(0)} ms, ${s.framesOver25ms}/${s.frames} frames over 25 ms, heap ${s.heapMB.toFixed(1)} MB (${(s.heapGrowth * 100).toFixed(1)}% over the last half), ${s.completedPerSecond.toFixed(0)} orders/s completed`,
      );
      if (FIXED_RATE)
        run.throughput = { ordersPerSecond: s.completedPerSecond, offeredPerSecond: rate, probes: [] };
    }
    if (want('replay')) {
      run.replay = await replay(session, { loads: PLAN.loads, rebuildEvents: PLAN.rebuildEvents });
      log(
        `  replay: ${run.replay.loadWithoutSnapshotsMs.toFixed(1)} ms without snapshots (${run.replay.readWithoutSnapshotsMs?.toFixed(1)} ms of it reading), ${run.replay.loadWithSnapshotsMs.toFixed(2)} ms with; rebuild of ${run.replay.rebuildEvents} events ${(run.replay.rebuildMs / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    if (session.errors.length) log(`  page errors: ${[...new Set(session.errors)].join(' | ')}`);
    run.pageErrors = session.errors.length;
    await session.close();
  }
  log(`  run ${index + 1} took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return run;
}

build(DIST);
if (want('jetstream')) await buildRawPublisher(DIST);
const js = initialJs(DIST);
const workersKB = workerJs(DIST);
const server = await serve(DIST, PORT);
try {
  const info = machine();
  log(
    `bench: ${RUNS} run(s)${QUICK ? ' (quick)' : ''} on ${info.cpus}× ${info.cpuModel}, ${info.memoryGiB} GiB, ${info.chromium}`,
  );
  let costs = null;
  if (want('costs')) {
    // Counts of work, not time: measured once, the same in every run.
    log('cost counts (Node, fake-indexeddb, the real broker and service code):');
    costs = costFigures(500);
    logCosts(costs, log);
  }
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    log(`run ${i + 1} of ${RUNS}`);
    const run = await oneRun(i, server.url, runs.at(-1)?.throughput?.offeredPerSecond);
    run.initialJsKB = js.gzipKB;
    run.workerJsKB = workersKB;
    run.costs = costs;
    runs.push(run);
  }
  const table = figures(runs);
  log('');
  printTable(table);
  let history = null;
  if (want('history')) {
    history = historyFigures();
    for (const m of history.moments)
      log(
        `history, ${m.facts} facts: a past moment's stateAt ${m.stateAtMs.median} ms (p95 ${m.stateAtMs.p95}), the whole moment in snapshot()'s shape ${m.momentMs.median} ms (p95 ${m.momentMs.p95}; target < 16), the newest tenth's ${m.newestMomentMs.median} ms (p95 ${m.newestMomentMs.p95}); ${m.recordUsPerFact} µs to record a fact`,
      );
    for (const v of history.views) {
      const per = (ms) =>
        `timeline ${ms.timeline.median} ms (p95 ${ms.timeline.p95}), sequence ${ms.sequence.median} ms (p95 ${ms.sequence.p95}), charts ${ms.charts.median} ms (p95 ${ms.charts.p95})`;
      log(
        `history views, ${v.facts} facts, one update of ${v.batch} new facts: from scratch ${per(v.fromScratchMs)}; followed ${per(v.followedMs)}`,
      );
    }
    const load = history.fullLoad;
    log(
      `history, ${load.seconds} s at ${load.ordersPerSecond} orders/s: ${load.kept} of ${load.recorded} facts kept (cap ${load.cap}), heap ${load.heapAt['60s']} MB at 60 s (target < 100), ${Object.entries(
        load.heapAt,
      )
        .map(([at, mb]) => `${mb} MB at ${at}`)
        .join(
          ', ',
        )}: it grows ${load.heapGrowthMBPerSecond} MB/s from 5 to 10 min; the base holds ${load.rowsAtOldest} rows (budget ${load.baseBudget.rows}, ${load.rowsLetGo} let go); recording took ${load.feedMs} ms in all, the longest fact ${load.longestRecordMs} ms (a trim that let rows go)`,
    );
  }
  let jetstream = null;
  if (want('jetstream')) {
    log('\nthe saga on NATS JetStream:');
    const session = await openSession(server.url);
    try {
      jetstream = await jetStreamFigures(session, server.url, {
        rawSeconds: QUICK ? 3 : 5,
        probeSeconds: PLAN.probeSeconds,
        maxProbes: QUICK ? 4 : 6,
        log,
      });
    } finally {
      await session.close();
    }
  }
  const results = {
    date: new Date().toISOString().slice(0, 10),
    quick: QUICK,
    machine: machine(),
    plan: PLAN,
    initialJs: js,
    figures: table,
    history,
    costs,
    jetstream,
    runs,
  };
  mkdirSync(dirname(OUT), { recursive: true });
  const md = OUT.replace(/\.json$/, '') + '.md';
  writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(md, `${markdownTable(table)}\n`);
  log(`\nwritten ${OUT} and ${md}`);
} finally {
  server.stop();
}
