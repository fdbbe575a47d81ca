// The broker log in append order: the one order every export of a run agrees
// on. Pure: takes rows, reads no database or clock.

import type { LogRow } from '../broker/brokerDb';

/**
 * By `appended_at`, then topic, partition and offset. One publish batch shares
 * its `appended_at` (and a deterministic step its simulation time), so the key
 * fields break the ties the same way on every host.
 */
export function inAppendOrder(rows: readonly LogRow[]): LogRow[] {
  return [...rows].sort(
    (a, b) =>
      a.appended_at - b.appended_at ||
      byText(a.topic, b.topic) ||
      a.partition - b.partition ||
      a.offset - b.offset,
  );
}

// Not localeCompare: the order must not depend on the reader's locale.
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
