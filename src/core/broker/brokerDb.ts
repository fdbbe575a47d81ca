// The broker's own IndexedDB: the durable log, committed offsets per consumer
// group, and failed-attempt counts that decide when a record is dead-lettered.

import { Dexie, type Table } from 'dexie';
import type { CloudEvent } from '../envelope';

export interface LogRow {
  topic: string;
  partition: number;
  offset: number;
  event: CloudEvent;
  appended_at: number;
}

export interface TopicRow {
  name: string;
  partitions: number;
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

export type DexieDeps = { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange };

export type BrokerDb = Dexie & {
  log: Table<LogRow, [string, number, number]>;
  topics: Table<TopicRow, string>;
  offsets: Table<OffsetRow, [string, string, number]>;
  attempts: Table<AttemptRow, [string, string, number, number]>;
};

export function brokerDbName(runId: string): string {
  return `mpp-${runId}-broker`;
}

export function openBrokerDb(runId: string, deps: DexieDeps): BrokerDb {
  const db = new Dexie(brokerDbName(runId), deps) as BrokerDb;
  db.version(1).stores({
    log: '[topic+partition+offset]',
    topics: 'name',
    offsets: '[group+topic+partition]',
    attempts: '[group+topic+partition+offset]',
  });
  return db;
}
