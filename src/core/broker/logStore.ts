// The log as stored: record batches, as Kafka stores them. An append writes
// one row per partition it touches (one IndexedDB request each, however many
// records), keyed on its last offset so "every batch entirely below X" is one
// key range. This module alone knows the shape; the rest of the broker reads
// and writes LogRow records through it.

import type { CloudEvent } from '../envelope';
import type { Packing } from '../service/packedTable';
import type { BrokerDb, LogRow } from './brokerDb';

/** Records base..last of one partition, appended together. */
export interface BatchRow {
  topic: string;
  partition: number;
  /** Offset of the first record. */
  base: number;
  /** Offset of the last record (the key): events[i] sits at base + i. */
  last: number;
  /** Every record of one append shares its time. */
  appended_at: number;
  events: CloudEvent[];
}

const KEY = '[topic+partition+last]';
const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

const ofPartition = (db: BrokerDb, topic: string, partition: number, from: number, to = MAX_OFFSET) =>
  db.batches.where(KEY).between([topic, partition, from], [topic, partition, to], true, true);

/**
 * Records as batches: each run of a partition's rows with contiguous offsets and one append time becomes
 * one batch (an append's rows share its time, so it gives one batch per partition; so does each old
 * transaction's rows in the version 1 upgrade).
 */
export function packRows(rows: readonly LogRow[]): BatchRow[] {
  const batches: BatchRow[] = [];
  const open = new Map<string, BatchRow>();
  for (const row of rows) {
    const k = `${row.topic}#${row.partition}`;
    const batch = open.get(k);
    if (batch && batch.last + 1 === row.offset && batch.appended_at === row.appended_at) {
      batch.last = row.offset;
      batch.events.push(row.event);
      continue;
    }
    const fresh: BatchRow = {
      topic: row.topic,
      partition: row.partition,
      base: row.offset,
      last: row.offset,
      appended_at: row.appended_at,
      events: [row.event],
    };
    open.set(k, fresh);
    batches.push(fresh);
  }
  return batches;
}

/** A batch's records, in offset order, as the log's readers know them. */
export function unpack(batch: BatchRow): LogRow[] {
  return batch.events.map((event, i) => ({
    topic: batch.topic,
    partition: batch.partition,
    offset: batch.base + i,
    event,
    appended_at: batch.appended_at,
  }));
}

export const unpackAll = (batches: readonly BatchRow[]): LogRow[] => batches.flatMap(unpack);

/** The batches as the `log` of records the broker's readers know (its dump and commits, brokerFacts.ts). */
export const LOG_PACKING: Packing<BatchRow, LogRow> = {
  stored: 'batches',
  readAs: 'log',
  unpack,
  // Batches are keyed on their last offset: in key order, their records are in the log's.
  unpackAll,
  keyOf: (row) => [row.topic, row.partition, row.offset],
};

/** Writes the rows of one append, a request per partition; call inside the append's transaction. */
export async function appendRows(db: BrokerDb, rows: readonly LogRow[]): Promise<void> {
  await db.batches.bulkAdd(packRows(rows));
}

/**
 * Records [from, upto) of a partition: the batches ending inside the range, and — only when the range
 * ends inside a batch — the one batch past it. At most two reads, in one transaction.
 */
export function readRange(
  db: BrokerDb,
  topic: string,
  partition: number,
  from: number,
  upto: number,
): Promise<LogRow[]> {
  if (upto <= from) return Promise.resolve([]);
  return db.transaction('r', db.batches, async () => {
    const batches = await ofPartition(db, topic, partition, from, upto - 1).toArray();
    const reached = batches.at(-1)?.last ?? from - 1;
    if (reached < upto - 1) {
      const past = await ofPartition(db, topic, partition, upto).first();
      if (past) batches.push(past);
    }
    return unpackAll(batches).filter((r) => r.offset >= from && r.offset < upto);
  });
}

/** One record, or undefined if it is not in the log (pruned, or never written). */
export async function readRecord(
  db: BrokerDb,
  topic: string,
  partition: number,
  offset: number,
): Promise<LogRow | undefined> {
  const batch = await ofPartition(db, topic, partition, offset).first();
  return batch && batch.base <= offset ? unpack(batch)[offset - batch.base] : undefined;
}

/** Where a partition ends (its last offset + 1; 0 when empty): a key read, no batch is loaded. */
export async function endOffsetOf(db: BrokerDb, topic: string, partition: number): Promise<number> {
  const keys = await ofPartition(db, topic, partition, 0).reverse().limit(1).primaryKeys();
  return keys.length ? keys[0][2] + 1 : 0;
}

/** The first offset still in a partition, or undefined when it holds nothing. */
export async function firstOffsetOf(
  db: BrokerDb,
  topic: string,
  partition: number,
): Promise<number | undefined> {
  return (await ofPartition(db, topic, partition, 0).first())?.base;
}

/**
 * Where the batches entirely below `upto` end: the first offset of the batch holding `upto - 1` (or
 * `upto` itself when a batch ends right there), so that deleting below it never cuts a batch; undefined
 * when no batch lies wholly below. A key read, no batch is loaded.
 */
export async function batchEdgeBelow(
  db: BrokerDb,
  topic: string,
  partition: number,
  upto: number,
): Promise<number | undefined> {
  if (upto <= 0) return undefined;
  const keys = await ofPartition(db, topic, partition, 0, upto - 1).primaryKeys();
  return keys.length ? keys[keys.length - 1][2] + 1 : undefined;
}

/**
 * Deletes every batch of a partition entirely below `upto` in one range delete; never one that holds
 * a record at or past it (whole batches go, as Kafka deletes whole segments). Call inside the caller's
 * transaction; `upto` should be a batch edge (batchEdgeBelow) for the caller's count to be exact.
 */
export async function deleteBatchesBelow(
  db: BrokerDb,
  topic: string,
  partition: number,
  upto: number,
): Promise<void> {
  if (upto > 0) await ofPartition(db, topic, partition, 0, upto - 1).delete();
}

/** Every record of the log in key order (topic, partition, offset), dead letters included. */
export async function readAllRecords(db: BrokerDb): Promise<LogRow[]> {
  return unpackAll(await db.batches.toArray());
}
