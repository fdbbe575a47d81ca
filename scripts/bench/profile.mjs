// npm run bench:profile — where the time goes under load. Offers a steady
// rate of orders (fast pace, as the benchmark's throughput run) to an
// unminified production build, records a Chromium trace of the page's renderer
// for a few seconds (every thread: the main thread and each worker), and prints
// per thread how busy it was and its hottest JavaScript functions (self time,
// from the trace's sampling profiler). The evidence behind the README's
// Performance notes; it measures, it asserts nothing.
//
//   PROFILE_RATE=n     orders offered a second (default 150)
//   PROFILE_SECONDS=n  traced seconds (default 6), after 4 s of warm-up
//   PROFILE_TOP=n      functions listed per thread (default 8)
//   PROFILE_TRACE=f    report on a trace recorded before (with its PROFILE_SECONDS)
//   PROFILE_LIGHT=1    no sampling profiler (task lengths close to an untraced run's; no hot functions)

import { readFileSync, writeFileSync } from 'node:fs';
import { build, serve } from './server.mjs';
import { openSession, unlimitedStock } from './session.mjs';
import { benchSettings } from './load.mjs';

const RATE = Number(process.env.PROFILE_RATE ?? 150);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 6);
const TOP = Number(process.env.PROFILE_TOP ?? 8);
const DIST = process.env.PROFILE_DIST ?? '/tmp/dist-profile';
const PORT = Number(process.env.PROFILE_PORT ?? 4181);
/** PROFILE_TRACE=file reports on a trace recorded before instead of recording one. */
const TRACE = process.env.PROFILE_TRACE ?? '/tmp/mpp-profile-trace.json';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// PROFILE_LIGHT=1 leaves the sampling profiler out: task lengths then are close to an untraced run's.
const CATEGORIES = process.env.PROFILE_LIGHT
  ? ['toplevel', 'devtools.timeline']
  : ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler', 'v8.execute'];

/** Names the threads: a worker by the script its first function call ran (its entry's file name). */
function threadNames(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  const scripts = new Map();
  for (const e of events) {
    const url = e.args?.data?.url;
    const key = `${e.pid}:${e.tid}`;
    if (url && !scripts.has(key) && /\.js/.test(url)) scripts.set(key, url.split('/').pop().replace(/-[\w-]{8}\.js.*$/, ''));
  }
  // The renderer is the process with the workers; every other process is the browser's (IndexedDB's backend lives there) or the GPU's.
  const renderer = [...names.entries()].find(([, n]) => n === 'DedicatedWorker thread')?.[0].split(':')[0];
  return (key) => {
    const name = `${names.get(key) ?? key}${key.split(':')[0] === renderer ? '' : ' [browser process]'}`;
    return scripts.has(key) && !/CrRendererMain/.test(name) ? `${name} (${scripts.get(key)})` : name;
  };
}

/** Per thread, the top-level tasks' CPU time (the trace's thread duration) and wall time (which includes waiting for a core). */
function busyByThread(events) {
  const busy = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !/^(ThreadControllerImpl::RunTask|RunTask|ThreadPool_RunTask)$/.test(e.name)) continue;
    const key = `${e.pid}:${e.tid}`;
    const b = busy.get(key) ?? { cpu: 0, wall: 0 };
    b.cpu += (e.tdur ?? 0) / 1000;
    b.wall += e.dur / 1000;
    busy.set(key, b);
  }
  return busy;
}

/** Self time per function per thread, from the sampling profiler's chunks. */
function hotFunctions(events) {
  // A profile's chunks come from the profiler's own thread; the 'Profile' event names the sampled one.
  const sampled = new Map();
  for (const e of events) if (e.name === 'Profile') sampled.set(`${e.pid}:${e.id}`, `${e.pid}:${e.tid}`);
  const perProfile = new Map();
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const id = `${e.pid}:${e.id}`;
    let p = perProfile.get(id);
    if (!p) perProfile.set(id, (p = { thread: sampled.get(id) ?? `${e.pid}:${e.tid}`, nodes: new Map(), self: new Map() }));
    const data = e.args.data;
    for (const node of data.cpuProfile?.nodes ?? []) p.nodes.set(node.id, node.callFrame);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((nodeId, i) => p.self.set(nodeId, (p.self.get(nodeId) ?? 0) + (deltas[i + 1] ?? deltas[i] ?? 0) / 1000));
  }
  const byThread = new Map();
  for (const p of perProfile.values()) {
    let fns = byThread.get(p.thread);
    if (!fns) byThread.set(p.thread, (fns = new Map()));
    for (const [nodeId, ms] of p.self) {
      const f = p.nodes.get(nodeId);
      if (!f) continue;
      const file = f.url ? f.url.split('/').pop().replace(/-[\w-]{8}\.js$/, '') : '';
      const name = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
      fns.set(name, (fns.get(name) ?? 0) + ms);
    }
  }
  return byThread;
}

/** The main thread's longest tasks and what took the time inside each (layout, paint, script…). */
function longestTasks(events, count = 5) {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => b.dur - a.dur).slice(0, count);
  for (const task of tasks) {
    const inside = onMain.filter((e) => e !== task && e.tid === task.tid && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const parts = new Map();
    for (const e of inside) if (['FunctionCall', 'Layout', 'Paint', 'UpdateLayoutTree', 'PrePaint', 'Layerize', 'MajorGC', 'MinorGC', 'V8.GC_MC_INCREMENTAL'].includes(e.name)) parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
    console.log(`  task ${(task.dur / 1000).toFixed(0)} ms: ${[...parts].sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n} ${ms.toFixed(0)}`).join(', ')}`);
  }
}

/** Prints each busy thread with its hottest functions. */
function report(events, seconds) {
  console.log('The main thread\'s longest tasks (nested events can overlap: FunctionCall includes what it calls):');
  longestTasks(events);
  const name = threadNames(events);
  const busy = busyByThread(events);
  const hot = hotFunctions(events);
  const pct = (ms) => `${((ms / (seconds * 1000)) * 100).toFixed(0)}%`;
  const threads = [...busy.entries()].filter(([, b]) => b.cpu > seconds * 10).sort((a, b) => b[1].cpu - a[1].cpu);
  const total = threads.reduce((a, [, b]) => a + b.cpu, 0);
  console.log(`CPU used by the browser's threads: ${(total / (seconds * 1000)).toFixed(2)} cores`);
  for (const [key, b] of threads) {
    console.log(`\n${name(key)}: CPU ${pct(b.cpu)} of a core, in tasks ${pct(b.wall)} of the time (waiting for a core included)`);
    const fns = [...(hot.get(key) ?? new Map()).entries()].filter(([fn]) => fn !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, TOP);
    for (const [fn, self] of fns) console.log(`  ${((self / (seconds * 1000)) * 100).toFixed(1).padStart(5)}%  ${fn}`);
  }
}

/** Loads the app, offers the load, traces; returns the trace's events. */
async function record() {
  build(DIST, { minify: false });
  const server = await serve(DIST, PORT);
  const session = await openSession(server.url);
  try {
    const page = await session.open('pace=fast');
    await unlimitedStock(page);
    await benchSettings(page);
    await page.evaluate((r) => window.__bench.startLoad(r), RATE);
    await sleep(4000);
    const cdp = await session.context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const finished = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    const before = await page.evaluate(() => window.__bench.counts());
    const t0 = Date.now();
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    await sleep(SECONDS * 1000);
    await cdp.send('Tracing.end');
    await finished;
    const after = await page.evaluate(() => window.__bench.counts());
    const elapsed = (Date.now() - t0) / 1000;
    await page.evaluate(() => window.__bench.stopLoad());
    writeFileSync(TRACE, JSON.stringify({ traceEvents: events }));
    const completed = (after.completed - before.completed) / elapsed;
    console.log(`offered ${RATE} orders/s; completed ${completed.toFixed(0)}/s while traced (${SECONDS} s; trace in ${TRACE}: chrome://tracing or DevTools opens it)`);
    return events;
  } finally {
    await session.close();
    server.stop();
  }
}

const events = process.env.PROFILE_TRACE ? JSON.parse(readFileSync(TRACE, 'utf8')).traceEvents : await record();
report(events, SECONDS);
