// (5) Replay, in an event-sourced run (fast pace, a snapshot every 100 events):
// loading one 10,000-event order with snapshots off and on (timed inside the
// orders worker), and rebuilding the order summaries from 100,000 events
// (timed from the page: clear, replay, done).

import { median } from './stats.mjs';
import { scenarioHash } from './session.mjs';

export async function replay(session, { loads, rebuildEvents }) {
  const page = await session.open('x=1', scenarioHash({ topology: 'event-sourced', pace: 'fast', snapshotEvery: 100 }));
  try {
    return await page.evaluate(
      async ({ loads, rebuildEvents }) => {
        const api = window.playground;
        await api.orderCommand('big', { type: 'create', customerId: 'carol' });
        await api.growOrder('big', 10_000);
        // Timed on a quiet system: the query service has projected the new events first.
        await api.settle(120_000);
        const without = [];
        const withSnapshots = [];
        const readMs = [];
        for (let i = 0; i < loads; i++) {
          const stats = await api.loadStats('big');
          without.push(stats.withoutSnapshots.ms);
          readMs.push(stats.withoutSnapshots.readMs);
          withSnapshots.push(stats.withSnapshots.ms);
        }
        // The orders store's events, up to `rebuildEvents` in all: one more long order makes up the rest.
        const head = (await api.streams()).filter((s) => s.store === 'orders').reduce((a, s) => a + s.version, 0);
        await api.orderCommand('bulk', { type: 'create', customerId: 'dave' });
        if (rebuildEvents - head - 1 > 0) await api.growOrder('bulk', rebuildEvents - head - 1);
        await api.settle(120_000);
        const events = (await api.streams()).filter((s) => s.store === 'orders').reduce((a, s) => a + s.version, 0);
        const started = performance.now();
        await api.rebuildReadModel('orderSummaries');
        const rebuildMs = performance.now() - started;
        return { without, withSnapshots, readMs, events, rebuildMs };
      },
      { loads, rebuildEvents },
    ).then((r) => ({ loadWithoutSnapshotsMs: median(r.without), readWithoutSnapshotsMs: median(r.readMs), loadWithSnapshotsMs: median(r.withSnapshots), rebuildEvents: r.events, rebuildMs: r.rebuildMs, loads: r }));
  } finally {
    await page.close();
  }
}
