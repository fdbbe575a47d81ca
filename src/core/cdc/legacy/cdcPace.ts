// How fast the CDC run moves, per pace. Teaching polls the log slowly and
// publishes small batches, and the query service pauses before each delivery,
// so lag and change events in flight stay visible; fast is what tests use.

import type { PaceName } from '../../service/pace';

export interface CdcPace {
  /** The connector's wait between polls once caught up. */
  pollMs: number;
  /** Changes the connector reads and publishes per batch. */
  batch: number;
  /** The query service's pause before applying a delivery. */
  applyDelayMs: number;
}

export const CDC_PACES: Record<PaceName, CdcPace> = {
  teaching: { pollMs: 500, batch: 5, applyDelayMs: 250 },
  fast: { pollMs: 20, batch: 100, applyDelayMs: 0 },
};
