// "A committed change never published": after the system settles, every
// change row a captured log holds must be at or below the stored position of
// whoever tails that log (the CDC connector, or a service's log-tailing outbox
// relay). Pure: reads a dump of the log and the position.

import type { Anomaly } from '../invariantCatalogue';
import type { ChangeRow } from './changeEvent';
import { keyString } from './router';

/**
 * One anomaly per committed change above `position`. `relevant` narrows the
 * log to what the reader is meant to publish (a relay publishes outbox inserts only).
 */
export function unpublishedChanges(
  service: string,
  changes: readonly ChangeRow[],
  position: number,
  relevant: (change: ChangeRow) => boolean = () => true,
): Anomaly[] {
  return changes
    .filter((change) => change.seq !== undefined && change.seq > position && relevant(change))
    .map((change) => ({
      invariant: 'no-change-unpublished' as const,
      message: `${service}: change ${change.seq} (${change.op} ${change.table} ${keyString(change.key)}) was committed but never published; the reader's position is ${position}.`,
    }));
}
