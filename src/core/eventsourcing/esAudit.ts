// What the invariant checker needs from one event store, read in one
// transaction so the streams agree with each other (a transfer is never half
// seen): each stream loaded the usual way (snapshot + tail) and by full
// replay, and for the bank the money it holds.

import { loadAggregate } from './aggregate';
import type { EventStore } from './eventStore';
import type { EsStoreDefinition } from './esStores';
import type { EsStoreName } from './esTypes';
import { moneyHeld } from './transfers';

export interface AuditedStream {
  id: string;
  version: number;
  /** Loaded from its newest snapshot plus the events after it. */
  live: unknown;
  /** Folded from every event, no snapshot. */
  replayed: unknown;
}

export interface StoreAudit {
  store: EsStoreName;
  streams: AuditedStream[];
  /** The bank only. */
  money?: { balances: number; inFlight: number; external: number };
}

export async function auditStore(store: EventStore, def: EsStoreDefinition): Promise<StoreAudit> {
  const { events, streams, snapshots } = store.db;
  return store.db.transaction('r', events, streams, snapshots, async () => {
    const audited: AuditedStream[] = [];
    for (const { id } of await store.streams()) {
      const live = await loadAggregate(store, def.aggregate, id, { snapshots: true });
      const replayed = await loadAggregate(store, def.aggregate, id, { snapshots: false });
      audited.push({ id, version: replayed.version, live: live.state, replayed: replayed.state });
    }
    return {
      store: def.name,
      streams: audited,
      ...(def.name === 'bank' ? { money: await moneyHeld(store) } : {}),
    };
  });
}
