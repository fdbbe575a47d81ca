// The page's commands bound to a controller and the view store, shared by the
// toolbar, the query node's search box and the guide, so what the guide does
// shows where the viewer would have done it by hand.

import { SEED_LISTINGS } from '../../core/cdc/legacy/listingData';
import type { CdcController, ListingRow } from '../../runtime/cdcController';
import { errorText } from './connectCdc';
import type { CdcViewStore } from './cdcStore';

/** Every city a listing can be in: the seed's listings cover the workload's cities. */
export const CITIES: readonly string[] = [...new Set(SEED_LISTINGS.map((l) => l.city))].sort();

/** Asks the read model, showing the question and the answer in the search box. */
export async function runSearch(
  controller: Pick<CdcController, 'search'>,
  view: Pick<CdcViewStore, 'getState'>,
  text: string,
  city: string,
): Promise<string[]> {
  view.getState().setSearch({ text, city, ids: null, busy: true, error: null });
  try {
    const ids = await controller.search(text, city || undefined);
    view.getState().setSearch({ ids, busy: false });
    return ids;
  } catch (err) {
    view.getState().setSearch({ busy: false, error: errorText(err) });
    throw err;
  }
}

/** `count` random writes with the progress shown in the toolbar, from whoever started them. */
export async function runWriteMany(
  controller: Pick<CdcController, 'writeMany'>,
  view: Pick<CdcViewStore, 'getState'>,
  count: number,
): Promise<void> {
  view.getState().setWriting({ done: 0, total: count });
  try {
    await controller.writeMany(count, (done) => view.getState().setWriting({ done, total: count }));
  } finally {
    view.getState().setWriting(null);
  }
}

/** A listing the New listing form starts from: a fresh id the table does not have yet. */
export function nextListingId(existing: readonly Pick<ListingRow, 'id'>[]): string {
  const taken = new Set(existing.map((l) => l.id));
  let n = 100 + existing.length;
  while (taken.has(`L-${n}`)) n++;
  return `L-${n}`;
}
