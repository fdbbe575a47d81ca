// An event store in a service's own IndexedDB: one stream per aggregate, a
// version per stream, and a global position across streams. Appends say which
// version they expect the stream to be at; a writer that raced another one
// gets WrongExpectedVersion and must reload and decide again.

import { Dexie, type Table } from 'dexie';
import { withoutLiveQueries, type DexieDeps } from '../broker/brokerDb';

export interface StoredEvent {
  /** Position across every stream: projections read in this order. */
  position?: number;
  stream: string;
  /** 1 for a stream's first event. */
  version: number;
  type: string;
  /** The shape this event was written in; upcasters bring old shapes forward on read. */
  schema: number;
  data: Record<string, unknown>;
  at: number;
}

export interface StreamRow {
  id: string;
  version: number;
}

export interface SnapshotRow {
  stream: string;
  version: number;
  state: unknown;
  at: number;
}

export type EventStoreDb = Dexie & {
  events: Table<StoredEvent, number>;
  streams: Table<StreamRow, string>;
  snapshots: Table<SnapshotRow, [string, number]>;
};

export class WrongExpectedVersion extends Error {
  constructor(
    readonly stream: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`wrong expected version for ${stream}: expected ${expected}, the stream is at ${actual}`);
    this.name = 'WrongExpectedVersion';
  }
}

export function eventStoreDbName(runId: string, service: string): string {
  return `mpp-${runId}-${service}-events`;
}

export function openEventStoreDb(name: string, deps: DexieDeps): EventStoreDb {
  const db = new Dexie(name, withoutLiveQueries(deps)) as EventStoreDb;
  db.version(1).stores({
    events: '++position, &[stream+version], stream',
    streams: 'id',
    snapshots: '[stream+version], stream',
  });
  return db;
}

export type NewEvent = Pick<StoredEvent, 'type' | 'data'> & { schema?: number };

/** Reads shorter than this go through the index: two extra lookups would cost more than they save. */
const DENSE_READ_MIN = 200;

export class EventStore {
  constructor(
    readonly db: EventStoreDb,
    private readonly now: () => number,
  ) {}

  /** The stream's current version (0 for a stream with no events). */
  async version(stream: string): Promise<number> {
    return (await this.db.streams.get(stream))?.version ?? 0;
  }

  /**
   * Appends `events` if the stream is at `expected`; returns the new version. The check and the
   * writes are one transaction, so two writers can never both succeed from the same version.
   */
  append(stream: string, expected: number, events: NewEvent[]): Promise<StoredEvent[]> {
    return this.db.transaction('rw', this.db.events, this.db.streams, async () => {
      const actual = await this.version(stream);
      if (actual !== expected) throw new WrongExpectedVersion(stream, expected, actual);
      const at = this.now();
      const rows = events.map((e, i): StoredEvent => ({
        stream,
        version: expected + 1 + i,
        type: e.type,
        schema: e.schema ?? 1,
        data: e.data,
        at,
      }));
      const positions = await this.db.events.bulkAdd(rows, { allKeys: true });
      await this.db.streams.put({ id: stream, version: expected + events.length });
      return rows.map((row, i) => ({ ...row, position: positions[i] }));
    });
  }

  /**
   * A stream's events with versions in (after, upTo], oldest first. A long read whose events sit close
   * together in the log (a stream written mostly alone) goes by position — one getAll on the primary
   * key, a third cheaper than through the index — and drops the other streams' events it meets.
   */
  async read(stream: string, after = 0, upTo = Number.MAX_SAFE_INTEGER): Promise<StoredEvent[]> {
    const range = this.db.events
      .where('[stream+version]')
      .between([stream, after], [stream, upTo], false, true);
    const [first, last] = await Promise.all([range.clone().first(), range.clone().last()]);
    if (!first || !last) return [];
    const wanted = last.version - first.version + 1;
    if (wanted < DENSE_READ_MIN) return range.toArray();
    const span = last.position! - first.position! + 1;
    if (span > wanted * 2) return range.toArray();
    const rows = await this.db.events
      .where(':id')
      .between(first.position!, last.position!, true, true)
      .toArray();
    return rows.filter((e) => e.stream === stream && e.version > after && e.version <= upTo);
  }

  /** Events of every stream after `position`, in order: what projections consume. */
  readAll(after: number, limit: number): Promise<StoredEvent[]> {
    return this.db.events.where('position').above(after).limit(limit).toArray();
  }

  /** The last position written (0 when empty). */
  async head(): Promise<number> {
    return (await this.db.events.orderBy('position').last())?.position ?? 0;
  }

  /** The newest snapshot of a stream at or below `upTo`. */
  latestSnapshot(stream: string, upTo = Number.MAX_SAFE_INTEGER): Promise<SnapshotRow | undefined> {
    return this.db.snapshots
      .where('[stream+version]')
      .between([stream, 0], [stream, upTo], true, true)
      .last();
  }

  saveSnapshot(stream: string, version: number, state: unknown): Promise<unknown> {
    return this.db.snapshots.put({ stream, version, state, at: this.now() });
  }

  streams(): Promise<StreamRow[]> {
    return this.db.streams.toArray();
  }
}
