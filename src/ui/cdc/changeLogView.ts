// The change log as the listings node shows it: the newest changes first,
// each as seq, op, key and a one-line diff, plus the log's head. Pure.

import type { ChangeEvent, ChangeOp } from '../../core/cdc/changeEvent';
import { diffText } from './cdcFormat';

export interface ChangeLogRow {
  seq: number;
  op: ChangeOp;
  key: string;
  diff: string;
  txId: string;
  /** Published by the connector: at or below its stored position. */
  published: boolean;
}

export interface ChangeLogView {
  rows: ChangeLogRow[];
  /** The newest sequence in the log (0 when empty). */
  head: number;
  total: number;
}

/** A change's primary key: the listing id of the row after it, or before it for a delete. */
export function changeKey(change: Pick<ChangeEvent, 'before' | 'after'>): string {
  const row = change.after ?? change.before;
  return row && row.id !== undefined ? String(row.id) : '?';
}

/** The `limit` newest changes, newest first; `position`: the connector's stored position, if known. */
export function changeLogView(
  changes: readonly ChangeEvent[],
  limit: number,
  position: number | null,
): ChangeLogView {
  const newest = changes.slice(-limit).reverse();
  return {
    head: changes.at(-1)?.source.sequence ?? 0,
    total: changes.length,
    rows: newest.map((c) => ({
      seq: c.source.sequence,
      op: c.op,
      key: changeKey(c),
      diff: diffText(c.op, c.before, c.after),
      txId: c.source.txId,
      published: position !== null && c.source.sequence <= position,
    })),
  };
}
