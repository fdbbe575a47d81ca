// The shape of a captured change: Debezium's envelope (before, after, op,
// source, ts_ms) and the row our change log stores it as. Pure types and
// conversions; no storage or transport here.

import type { Row } from '../rows';

/** The table every change-logged database keeps its write-ahead stand-in in. */
export const CHANGES_TABLE = 'changes';

/** Dexie schema string of the changes table: `seq` orders the log, `[table+seq]` lets a reader follow one table. */
export const changeLogTables = '++seq, [table+seq]';

/** Debezium's op codes: create, update, delete, and read (a snapshot row, produced by the connector). */
export type ChangeOp = 'c' | 'u' | 'd' | 'r';

export interface ChangeSource {
  service: string;
  table: string;
  /** One id per IndexedDB transaction: the changes of one commit share it. */
  txId: string;
  /** The changes table's auto-increment key: monotonic within a service. */
  sequence: number;
  /** True on rows emitted by an initial snapshot. */
  snapshot?: boolean;
}

export interface ChangeEvent<T = Row> {
  before: T | null;
  after: T | null;
  op: ChangeOp;
  source: ChangeSource;
  ts_ms: number;
}

/** Debezium publishes a change as a record key (the row's primary key) and a value (the envelope). */
export interface ChangeRecord<T = Row> {
  key: unknown;
  value: ChangeEvent<T>;
}

/**
 * A change as stored. The sequence is left out of `source` because it is this
 * row's own auto-increment key, only known once the row is written.
 */
export interface ChangeRow {
  seq?: number;
  /** Duplicated from `source.table` so the `[table+seq]` index can use it. */
  table: string;
  key: unknown;
  op: Exclude<ChangeOp, 'r'>;
  before: Row | null;
  after: Row | null;
  source: Omit<ChangeSource, 'sequence' | 'snapshot'>;
  ts_ms: number;
}

export function toChangeRecord(row: ChangeRow): ChangeRecord {
  if (row.seq === undefined)
    throw new Error('toChangeRecord: the change row has no seq; read it back from the changes table');
  const { before, after, op, ts_ms } = row;
  return { key: row.key, value: { before, after, op, ts_ms, source: { ...row.source, sequence: row.seq } } };
}
