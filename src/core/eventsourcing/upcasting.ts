// Old events keep their old shape in the store; reading brings them up to the
// shape the code knows, one schema version at a time.

import type { StoredEvent } from './eventStore';

/** Turns `type` at `schema` into the next schema's shape (the type may be renamed too). */
export type Upcaster = (event: StoredEvent) => StoredEvent;

/** Keyed `Type@schema`: the upcaster that lifts that shape by one version. */
export type Upcasters = Record<string, Upcaster>;

export function upcast(event: StoredEvent, upcasters: Upcasters): StoredEvent {
  let current = event;
  for (let guard = 0; guard < 100; guard++) {
    const lift = upcasters[`${current.type}@${current.schema}`];
    if (!lift) return current;
    current = lift(current);
  }
  throw new Error(`upcasting ${event.type}@${event.schema} does not terminate`);
}
