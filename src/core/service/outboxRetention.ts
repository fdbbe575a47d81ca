// The polling relay's side of the outbox: finding the rows it has not
// published yet, and recording the ones it has. Rows are never written after
// their insert: what the relay has published is one meta row, the watermark
// (outboxWatermark.ts), put once per acknowledged batch. In that same
// transaction, published rows older than the retention setting are deleted as
// one range of seqs, so a long run's outbox holds its recent traffic rather
// than all of it. Only rows at or below the watermark are ever in that range:
// pending rows are never touched. Core: the Dexie database is handed in.

import { Dexie, type DBCoreRangeType, type DBCoreTransaction, type Table, type Transaction } from 'dexie';
import type { OutboxRow } from '../rows';
import type { Change } from '../telemetry';
import {
  isWatermarkPut,
  OUTBOX_WATERMARK_KEY,
  watermarkRow,
  type OutboxWatermark,
  type WatermarkRow,
} from './outboxWatermark';

const OUTBOX = 'outbox';
const META = 'meta';

/**
 * A published batch still in the outbox: its last seq and when it was acknowledged. `seqs` are its rows,
 * kept only to tell the canvas which rows a range delete took; null for what an earlier process left.
 */
interface Batch {
  last: number;
  at: number;
  seqs: number[] | null;
}

/** The record under way: what it writes, and for `describe` (see there) what that means. */
interface Recording {
  rows: OutboxRow[];
  at: number;
  next: OutboxWatermark;
  /** The ledger's batches when it began (null without retention), of which the first `due` go. */
  batches: Batch[] | null;
  due: number;
  pruned: Batch[];
  deleted: number[];
}

/** A record written inside another's transaction: told how that transaction ended. */
export interface CarriedRecord {
  committed(): void;
  failed(): void;
}

/** Up to `limit` unpublished rows, in seq order: every row above the watermark is one, so it is one read. */
export function unpublishedAfter(db: Dexie, watermark: number, limit: number): Promise<OutboxRow[]> {
  return db.table<OutboxRow, number>(OUTBOX).where('seq').above(watermark).limit(limit).toArray();
}

/** The stored watermark's seq and time; none before the relay's first publish. */
export async function readWatermark(db: Dexie): Promise<OutboxWatermark | null> {
  const row = await db.table<WatermarkRow, string>(META).get(OUTBOX_WATERMARK_KEY);
  return row?.value ?? null;
}

/**
 * Deletes every row at or below `seq` as one IDB delete(range). Collection.delete() would count the range
 * first (a second request, for a number we already know): the table's DBCore, which the commit capture
 * wraps, takes the range delete as it is.
 */
function deleteUpTo(table: Table<OutboxRow, number>, tx: Transaction, seq: number) {
  return table.core.mutate({
    trans: tx.idbtrans as unknown as DBCoreTransaction,
    type: 'deleteRange',
    range: { type: 2 as DBCoreRangeType, lower: undefined, upper: seq, lowerOpen: false, upperOpen: false },
  });
}

/** What the polling relay has published, durably (the watermark) and in memory (the batches retention will delete). */
export class OutboxLedger {
  /** Undefined until read back: the first call after a (re)start reads it, once. */
  private watermark: OutboxWatermark | null | undefined;
  /** Null while no retention is set: with nothing ever deleted, there is nothing to keep track of. */
  private batches: Batch[] | null = null;
  private recording: Recording | null = null;

  constructor(private readonly db: Dexie) {}

  /** The watermark's seq (0 before the first publish), read from the database the first time only. */
  async load(): Promise<number> {
    if (this.watermark === undefined) this.watermark = await readWatermark(this.db);
    return this.watermark?.seq ?? 0;
  }

  /**
   * Records `rows` (the batch just acknowledged, in seq order, all above the watermark) as published at `at`:
   * one put of the watermark and, with `retentionMs` set, one range delete of the batches published at least
   * that long ago, in one transaction of its own. Returns how many rows it deleted.
   */
  async record(rows: OutboxRow[], at: number, retentionMs: number | undefined): Promise<number> {
    const { db } = this;
    await this.load();
    const recording = this.begin(rows, at, retentionMs);
    try {
      await db.transaction('rw', [db.table(OUTBOX), db.table(META)], (tx) => this.write(recording, tx));
    } catch (error) {
      this.abandon(recording);
      throw error;
    }
    this.settle(recording);
    return recording.deleted.length;
  }

  /**
   * The same record, written inside a transaction someone else runs over the outbox and meta (a service's
   * business transaction carrying it): `settle` once that committed, `abandon` if it did not.
   */
  async recordWithin(rows: OutboxRow[], at: number, retentionMs: number | undefined): Promise<CarriedRecord> {
    await this.load();
    const recording = this.begin(rows, at, retentionMs);
    try {
      await this.write(recording, Dexie.currentTransaction);
    } catch (error) {
      this.abandon(recording);
      throw error;
    }
    return { committed: () => this.settle(recording), failed: () => this.abandon(recording) };
  }

  /** What one record will write; from here until it settles or is abandoned, `describe` explains its writes. */
  private begin(rows: OutboxRow[], at: number, retentionMs: number | undefined): Recording {
    const next: OutboxWatermark = { seq: rows[rows.length - 1].seq!, at };
    const batches = retentionMs === undefined ? null : (this.batches ?? this.recovered());
    const cutoff = at - (retentionMs ?? 0);
    let due = 0;
    while (batches && due < batches.length && batches[due].at <= cutoff) due++;
    const pruned = batches?.slice(0, due) ?? [];
    const recording: Recording = {
      rows,
      at,
      next,
      batches,
      due,
      pruned,
      deleted: pruned.flatMap((b) => b.seqs ?? []),
    };
    this.recording = recording;
    return recording;
  }

  private async write(recording: Recording, tx: Transaction): Promise<void> {
    const { db } = this;
    const outbox = db.table<OutboxRow, number>(OUTBOX);
    await db.table(META).put(watermarkRow(recording.next));
    const { pruned } = recording;
    if (!pruned.length) return;
    const upTo = pruned[pruned.length - 1].last;
    // Rows an earlier process published: which are still there is read once, for the canvas to be told.
    if (pruned.some((b) => b.seqs === null))
      recording.deleted = await outbox.where('seq').belowOrEqual(upTo).primaryKeys();
    await deleteUpTo(outbox, tx, upTo);
  }

  /** Only once committed: a transaction that failed leaves the bookkeeping as the database is. */
  private settle(recording: Recording): void {
    if (this.recording === recording) this.recording = null;
    const { next, batches, due, rows, at } = recording;
    this.watermark = next;
    batches?.splice(0, due);
    batches?.push({ last: next.seq, at, seqs: rows.map((row) => row.seq!) });
    this.batches = batches;
  }

  private abandon(recording: Recording): void {
    if (this.recording === recording) this.recording = null;
  }

  /**
   * What a write of the relay's transaction means to a reader of committed changes (the commit capture asks):
   * the watermark's put is each row it covers, now published at that time; the range delete is the rows it
   * took. Null for any other write, which is reported as it is.
   */
  describe(change: Change): Change[] | null {
    const recording = this.recording;
    if (!recording) return null;
    if (isWatermarkPut(change))
      return [
        ...recording.rows.map((row): Change => ({
          table: OUTBOX,
          op: 'put',
          key: row.seq,
          row: { ...row, published_at: recording.at },
        })),
        change,
      ];
    if (change.table === OUTBOX && change.op === 'clear')
      return recording.deleted.map((key): Change => ({ table: OUTBOX, op: 'delete', key }));
    return null;
  }

  /** After a restart (or once retention is set): everything at or below the watermark counts as one batch, published at its time. */
  private recovered(): Batch[] {
    const watermark = this.watermark;
    return watermark ? [{ last: watermark.seq, at: watermark.at, seqs: null }] : [];
  }
}
