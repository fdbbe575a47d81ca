// The Load cost box's sentences: what loading one aggregate read, with its
// snapshot and without — the reason snapshots exist, in two numbers each.

import type { LoadStat } from '../../runtime/esController';
import { count, duration } from './esFormat';

const events = (n: number) => `${count(n)} ${n === 1 ? 'event' : 'events'}`;

/** "1 snapshot + 37 events, 2.1 ms" or "10,001 events, 180 ms". */
export function loadCostLine(stat: LoadStat): string {
  const read =
    stat.snapshotVersion !== null
      ? `1 snapshot (v${count(stat.snapshotVersion)}) + ${events(stat.eventsRead)}`
      : events(stat.eventsRead);
  return `${read}, ${duration(stat.ms)}`;
}

/** "with snapshots: … — without: …", the comparison in one line. */
export function loadCostText(stats: { withSnapshots: LoadStat; withoutSnapshots: LoadStat }): string {
  return `with snapshots: ${loadCostLine(stats.withSnapshots)} — without: ${loadCostLine(stats.withoutSnapshots)}`;
}

/** How many times fewer events the snapshot load read, when that is worth saying (null otherwise). */
export function savingText(stats: { withSnapshots: LoadStat; withoutSnapshots: LoadStat }): string | null {
  const { withSnapshots: a, withoutSnapshots: b } = stats;
  if (a.snapshotVersion === null) return 'No snapshot yet: both loads read every event.';
  if (a.eventsRead === 0 && b.eventsRead > 0)
    return `The snapshot is the latest state: no events to read instead of ${count(b.eventsRead)}.`;
  const factor = b.eventsRead / Math.max(1, a.eventsRead);
  if (factor < 1.5) return null;
  return `The snapshot load read ${factor >= 10 ? count(factor) : factor.toFixed(1)}× fewer events.`;
}
