// What "published" means for a polling relay's outbox. The relay never writes
// an outbox row after its insert: it keeps one meta row, the watermark, the
// highest seq it has published and when. A row is published iff its seq is at
// or below it. Readers that want the old `published_at` column (the canvas,
// the history, the guide's beats) get it derived here, in the two places rows
// leave the database: a table dump, and a committed transaction's changes.
// Pure (no Dexie), so the page and the checker can import it.

import type { OutboxRow, Row, TableDump } from '../rows';
import type { Change } from '../telemetry';
import { OUTBOX_WATERMARK_KEY } from './metaKeys';

export { OUTBOX_WATERMARK_KEY } from './metaKeys';

export interface OutboxWatermark {
  /** Every outbox row at or below this seq has been published and acknowledged by the broker. */
  seq: number;
  /** When the batch that moved it here was acknowledged. */
  at: number;
}

export interface WatermarkRow {
  key: typeof OUTBOX_WATERMARK_KEY;
  value: OutboxWatermark;
}

export function watermarkRow(watermark: OutboxWatermark): WatermarkRow {
  return { key: OUTBOX_WATERMARK_KEY, value: watermark };
}

/** The watermark a service's meta rows hold; null before its polling relay's first publish (or for another relay). */
export function watermarkOf(meta: readonly Row[] | undefined): OutboxWatermark | null {
  const row = meta?.find((m) => m.key === OUTBOX_WATERMARK_KEY);
  return row ? (row.value as OutboxWatermark) : null;
}

/** Whether `change` is the polling relay recording its watermark. */
export function isWatermarkPut(change: Change): boolean {
  return change.op === 'put' && change.table === 'meta' && change.row.key === OUTBOX_WATERMARK_KEY;
}

/**
 * A service's dump with each outbox row's `published_at` derived from the watermark. The database keeps
 * only the newest batch's time, so a row published in an earlier batch reads as published by then (the
 * commit that published it said exactly when). Without a watermark the dump is returned as it is: a
 * log-tailing relay's rows, or a polling relay's before its first publish, stay as inserted.
 */
export function withPublished(dump: TableDump): TableDump {
  const watermark = watermarkOf(dump.meta);
  if (!watermark || !dump.outbox) return dump;
  const outbox = (dump.outbox as unknown as OutboxRow[]).map((row) => ({
    ...row,
    published_at: row.seq! <= watermark.seq ? watermark.at : null,
  }));
  return { ...dump, outbox: outbox as unknown as Row[] };
}
