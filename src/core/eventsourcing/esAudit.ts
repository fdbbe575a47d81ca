// What the invariant checker needs from one event store, read in one
// transaction so the streams agree with each other (a transfer is never half
// seen): each stream loaded the usual way (snapshot + tail) and by full
// replay, and for the bank the money it holds. The audit itself is pure
// (auditOf), so the run's history derives a past moment's audit from the
// recorded events and snapshots exactly as a read of the store gives it.

import { foldEvents } from './aggregate';
import type { EventStore, SnapshotRow } from './eventStore';
import type { EsStoreDefinition } from './esStores';
import type { EsStoreName } from './esTypes';
import { moneyOf, type StreamEvents } from './transfers';

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

/** A stream as its store holds it: every event, oldest first, and its newest snapshot. */
export interface StoredStream extends StreamEvents {
  snapshot?: Pick<SnapshotRow, 'version' | 'state'>;
}

/** The audit of a store's streams (in the store's stream order). Pure. */
export function auditOf(def: EsStoreDefinition, streams: readonly StoredStream[]): StoreAudit {
  const { aggregate } = def;
  const audited = streams.map(({ id, events, snapshot }): AuditedStream => {
    const from = snapshot ? structuredClone(snapshot.state) : aggregate.initial(id);
    const tail = snapshot ? events.filter((e) => e.version > snapshot.version) : events;
    return {
      id,
      version: events.at(-1)?.version ?? 0,
      live: foldEvents(aggregate, from, tail),
      replayed: foldEvents(aggregate, aggregate.initial(id), events),
    };
  });
  return { store: def.name, streams: audited, ...(def.name === 'bank' ? { money: moneyOf(streams) } : {}) };
}

export async function auditStore(store: EventStore, def: EsStoreDefinition): Promise<StoreAudit> {
  const { events, streams, snapshots } = store.db;
  return store.db.transaction('r', events, streams, snapshots, async () => {
    const stored: StoredStream[] = [];
    for (const { id } of await store.streams())
      stored.push({ id, events: await store.read(id), snapshot: await store.latestSnapshot(id) });
    return auditOf(def, stored);
  });
}
