// (4) and (7): one sustained run at the throughput found in (2), with the
// canvas on screen. The main thread's busy fraction comes from Chromium's own
// task accounting (CDP Performance.TaskDuration); the longest task from the
// longtask observer; slow frames from the gaps between animation frames. The
// JS heap is read after forced GCs at half-time, three quarters and the end;
// its growth is the least-squares slope through those readings over the last
// half (one reading pair would mostly measure what the GC left that moment).
// What those GCs cost is left out of the canvas figures.

import { benchSettings } from './load.mjs';
import { unlimitedStock } from './session.mjs';
import { slope } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** `seconds` of load in all; the canvas is measured from `warmupSeconds` on, the heap at half-time and at the end. */
export async function sustained(session, { rate, seconds, warmupSeconds, log }) {
  const page = await session.open('pace=fast');
  const cdp = await session.context.newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await unlimitedStock(page);
    await benchSettings(page);
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const gcWindows = [];
    let gcTaskSeconds = 0;
    const heapAfterGc = async () => {
      const before = await taskSeconds();
      const from = await page.evaluate(() => performance.now());
      // Twice: the first pass can leave garbage the second one finds (weak references, finalizers).
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const to = await page.evaluate(() => performance.now());
      gcWindows.push([from, to]);
      gcTaskSeconds += (await taskSeconds()) - before;
      return usedSize / 2 ** 20;
    };
    const until = (t0, s) => sleep(Math.max(0, s * 1000 - (Date.now() - t0)));

    const start = Date.now();
    await page.evaluate((r) => window.__bench.startLoad(r), rate);
    await until(start, warmupSeconds);
    const base = await page.evaluate(() => window.__bench.counts());
    const tasks0 = await taskSeconds();
    const pageT0 = await page.evaluate(() => window.__bench.startProbe());
    const t0 = Date.now();
    await until(start, seconds / 2);
    const heapHalf = await heapAfterGc();
    log(`    heap at ${seconds / 2} s: ${heapHalf.toFixed(1)} MB`);
    await until(start, (seconds * 3) / 4);
    const heapThreeQuarters = await heapAfterGc();
    await until(start, seconds);
    const wallSeconds = (Date.now() - t0) / 1000;
    const tasks1 = await taskSeconds();
    const probe = await page.evaluate(() => window.__bench.stopProbe());
    const counts = await page.evaluate(() => window.__bench.counts());
    const heapEnd = await heapAfterGc();
    await page.evaluate(() => window.__bench.stopLoad());

    const inGc = (from, to) => gcWindows.some(([a, b]) => from < b && to > a);
    const tasks = probe.tasks.filter(([at, d]) => !inGc(at, at + d)).map(([, d]) => d);
    let t = pageT0;
    const gaps = [];
    for (const gap of probe.gaps) {
      if (!inGc(t, t + gap)) gaps.push(gap);
      t += gap;
    }
    return {
      rate,
      seconds,
      completedPerSecond: (counts.completed - base.completed) / wallSeconds,
      busyFraction: (tasks1 - tasks0 - gcTaskSeconds) / wallSeconds,
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
      longTasks: tasks.length,
      frames: gaps.length,
      framesOver25ms: gaps.filter((g) => g > 25).length,
      longestFrameGapMs: gaps.length ? Math.max(...gaps) : 0,
      heapMB: heapEnd,
      heapHalfMB: heapHalf,
      heapThreeQuartersMB: heapThreeQuarters,
      // Growth over the last half: the fitted line's rise across it, relative to where it starts.
      heapGrowth: (slope([
        { x: seconds / 2, y: heapHalf },
        { x: (seconds * 3) / 4, y: heapThreeQuarters },
        { x: seconds, y: heapEnd },
      ]) * (seconds / 2)) / heapHalf,
    };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
