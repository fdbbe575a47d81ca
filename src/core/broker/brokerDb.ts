// The broker's own IndexedDB: the durable log, committed offsets per consumer
// group, and failed-attempt counts that decide when a record is dead-lettered.

import { Dexie, type Table } from 'dexie';
import { packRows, type BatchRow } from './logStore';

export type { LogRow } from './brokerOperations';
export type { BatchRow } from './logStore';

export interface TopicRow {
  name: string;
  partitions: number;
  /** Log retention: records of this topic appended at or before this time may have been deleted. */
  prunedUntil?: number;
}

export interface OffsetRow {
  group: string;
  topic: string;
  partition: number;
  committed: number;
}

export interface AttemptRow {
  group: string;
  topic: string;
  partition: number;
  offset: number;
  failures: number;
  error: string;
}

export type DexieDeps = {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  addons?: ((db: Dexie) => void)[];
};

/**
 * For a database only its own process opens: Dexie without its live-query machinery. Nothing here
 * uses liveQuery, yet by default every write transaction computes the key ranges it touched and
 * broadcasts them on `x-storagemutated-1` to every other Dexie of the origin (the page and each
 * worker), and keeps an optimistic cache; under load that costs more than the writes themselves.
 */
export function withoutLiveQueries(deps: DexieDeps): DexieDeps {
  const quiet = (db: Dexie) =>
    void db.unuse({ stack: 'dbcore', name: 'Observability' }).unuse({ stack: 'dbcore', name: 'Cache' });
  return { ...deps, addons: [...(deps.addons ?? []), quiet] };
}

export type BrokerDb = Dexie & {
  batches: Table<BatchRow, [string, number, number]>;
  topics: Table<TopicRow, string>;
  offsets: Table<OffsetRow, [string, string, number]>;
  attempts: Table<AttemptRow, [string, string, number, number]>;
};

export function brokerDbName(runId: string): string {
  return `mpp-${runId}-broker`;
}

export function openBrokerDb(runId: string, deps: DexieDeps): BrokerDb {
  const db = new Dexie(brokerDbName(runId), withoutLiveQueries(deps)) as BrokerDb;
  db.version(1).stores({
    log: '[topic+partition+offset]',
    topics: 'name',
    offsets: '[group+topic+partition]',
    attempts: '[group+topic+partition+offset]',
  });
  // Version 2 stores the log in batches (logStore.ts). A run saved by an older version still opens: its
  // rows are packed, each stretch of a partition appended at one time (one old transaction) into one
  // batch, and Dexie drops `log` once the upgrade has read it.
  db.version(2)
    .stores({ log: null, batches: '[topic+partition+last]' })
    .upgrade(async (tx) => {
      const rows = await tx.table('log').toArray();
      await tx.table('batches').bulkAdd(packRows(rows));
    });
  return db;
}
