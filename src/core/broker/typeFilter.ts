// Delivery by event type: a member that subscribed with the types it handles
// is handed only records of those types. A record it skips is never handed
// over, so it is never retried or dead-lettered for that group; the group's
// committed offset still passes it, as soon as everything before it was
// acknowledged, so a partition whose remaining records are all skipped is
// caught up (no lag, nothing owed, and a restart resumes past them).
// The cursor remembers which offsets of [committed, next) it skipped: only
// those, never an offset it handed over, may be committed without an ack.

import type { LogRow } from './brokerDb';
import type { PartitionCursor } from './groups';

/**
 * The rows of [cursor.next, upto) the member takes (all of them when `types` is null); the rest are
 * marked skipped. The cursor moves on to `upto`.
 */
export function handOut(
  cursor: PartitionCursor,
  rows: LogRow[],
  upto: number,
  types: ReadonlySet<string> | null,
): LogRow[] {
  cursor.next = upto;
  if (!types) return rows;
  const taken: LogRow[] = [];
  for (const row of rows) {
    if (types.has(row.event.type)) taken.push(row);
    else cursor.skipped.add(row.offset);
  }
  return taken;
}

/** The cursor goes back to `offset` (a nack, a delay, a rebalance): what it skipped from there on is read again. */
export function rewind(cursor: PartitionCursor, offset: number): void {
  cursor.next = offset;
  for (const skipped of cursor.skipped) if (skipped >= offset) cursor.skipped.delete(skipped);
}

/** Everything below `committed` is done: skips there are forgotten. */
export function forgetBelow(cursor: PartitionCursor, committed: number): void {
  for (const skipped of cursor.skipped) if (skipped < committed) cursor.skipped.delete(skipped);
}

/**
 * Moves the committed offset past the skipped records right at it (none of them was handed over, so
 * none waits for an ack); returns whether it moved.
 */
export function passSkipped(cursor: PartitionCursor): boolean {
  const from = cursor.committed;
  while (cursor.committed < cursor.next && cursor.skipped.delete(cursor.committed)) cursor.committed++;
  return cursor.committed > from;
}
