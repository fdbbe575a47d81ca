// How fast the query service tails the event stores, per pace. Teaching polls
// slowly so a read right after a write finds nothing yet ("not found"), and
// pauses between batches so lag is visible; fast is what tests use.

import type { PaceName } from '../service/pace';

export interface EsPace {
  /** Wait between polls once caught up. */
  pollMs: number;
  /** Events applied per projection transaction. */
  batch: number;
  /** Events applied per transaction by a rebuild: larger, since nothing reads the model until it is done. */
  rebuildBatch: number;
  /** Wait between batches while still behind. */
  behindPauseMs: number;
  /** Read-your-writes: wait between two reads of the read model while polling. */
  readPollMs: number;
}

export const ES_PACES: Record<PaceName, EsPace> = {
  teaching: { pollMs: 600, batch: 50, rebuildBatch: 500, behindPauseMs: 100, readPollMs: 150 },
  fast: { pollMs: 20, batch: 500, rebuildBatch: 5000, behindPauseMs: 0, readPollMs: 10 },
};
