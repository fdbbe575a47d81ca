// The "10,000 events" mistake, made on purpose: one order gets `count` more
// events, alternating ItemAdded and ItemRemoved of one SKU so the order itself
// stays small while its stream grows long. Appended in chunks (one transaction
// each) so it is quick; snapshots follow the usual policy, one per multiple of
// `snapshotEvery`, folded along the way.

import { loadAggregate } from './aggregate';
import type { EventStore, NewEvent } from './eventStore';
import { orderAggregate, RuleBroken, type EsOrderState } from './orderAggregate';

export const GROW_SKU = 'GROW';
export const GROW_CHUNK = 500;

export interface GrowOptions {
  snapshotEvery: number;
  chunk?: number;
  /** Runs after a chunk committed, before the snapshots due in it are saved: a crash point goes here. */
  beforeSnapshot?: () => void;
  progress?: (done: number, version: number) => void;
}

export async function growOrder(
  store: EventStore,
  orderId: string,
  count: number,
  options: GrowOptions,
): Promise<number> {
  if (!Number.isInteger(count) || count < 1)
    throw new RuleBroken(`count must be a whole number from 1, got ${count}`);
  const every = options.snapshotEvery;
  const loaded = await loadAggregate(store, orderAggregate, orderId, { snapshots: every > 0 });
  if (loaded.state.status !== 'DRAFT')
    throw new RuleBroken(`order ${orderId} is ${loaded.state.status}: only a draft order takes items`);
  let state: EsOrderState = loaded.state;
  let version = loaded.version;
  let present = state.lines.some((l) => l.sku === GROW_SKU);
  for (let done = 0; done < count;) {
    const batch: NewEvent[] = [];
    for (let i = 0; i < Math.min(options.chunk ?? GROW_CHUNK, count - done); i++, present = !present)
      batch.push(
        present
          ? { type: 'ItemRemoved', data: { sku: GROW_SKU } }
          : { type: 'ItemAdded', schema: 2, data: { sku: GROW_SKU, qty: 1, price: 1 } },
      );
    // Another writer in between makes this append fail with WrongExpectedVersion: growing is not retried.
    const stored = await store.append(orderId, version, batch);
    const due: { version: number; state: EsOrderState }[] = [];
    for (const event of stored) {
      state = orderAggregate.apply(state, event);
      if (every > 0 && event.version % every === 0) due.push({ version: event.version, state });
    }
    if (due.length) options.beforeSnapshot?.();
    for (const snapshot of due) await store.saveSnapshot(orderId, snapshot.version, snapshot.state);
    version += stored.length;
    done += stored.length;
    options.progress?.(done, version);
  }
  return version;
}
