// The inbox as stored: one record per consumer transaction holding every
// inbox row it wrote, so a transaction handling many messages costs one insert
// (one IndexedDB request) however many they are. The records' message ids are
// a unique multi-entry index: the insert itself still refuses a message
// handled before. This module alone knows the shape; readers outside it get
// one `inbox` row per message, keyed by its id, as when each was a row.

import type { Table, Transaction } from 'dexie';
import type { InboxRow } from '../rows';
import { describePacked, type Packing } from './packedTable';

/** The inbox's stored table, and its Dexie schema: `seq` orders the records, every message id is unique. */
export const INBOX_BATCHES = 'inbox_batches';
export const INBOX_BATCHES_SCHEMA = '++seq, &*message_ids';

/** The inbox rows one transaction wrote. */
export interface InboxBatch {
  /** Given by the insert. */
  seq?: number;
  message_ids: string[];
  rows: InboxRow[];
}

const byMessageId = (a: InboxRow, b: InboxRow) =>
  a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0;

export const INBOX_PACKING: Packing<InboxBatch, InboxRow> = {
  stored: INBOX_BATCHES,
  readAs: 'inbox',
  unpack: (batch) => batch.rows,
  // In message id order, as a read of the old table keyed by it gave them (the state hash hashes that order).
  unpackAll: (batches) => batches.flatMap((batch) => batch.rows).sort(byMessageId),
  keyOf: (row) => row.message_id,
};

/** A committed inbox record as its rows' `inbox` puts; null for any other write. */
export const describeInboxWrite = describePacked(INBOX_PACKING);

const packRows = (rows: readonly InboxRow[]): InboxBatch => ({
  message_ids: rows.map((row) => row.message_id),
  rows: [...rows],
});

/**
 * Writes one transaction's inbox rows in one request; call inside the transaction. When the insert is refused
 * (a message id is held already), one read finds which, and they are thrown as AlreadyInInbox.
 */
export async function addToInbox(table: Table<InboxBatch>, rows: readonly InboxRow[]): Promise<void> {
  const batch = packRows(rows);
  try {
    await table.add(batch);
  } catch (error) {
    if ((error as Error | undefined)?.name !== 'ConstraintError') throw error;
    const held = await table.where('message_ids').anyOf(batch.message_ids).uniqueKeys();
    if (!held.length) throw error;
    throw new AlreadyInInbox(held as string[]);
  }
}

/** Whether the inbox holds `messageId`: one read of the index. */
export async function inboxHolds(table: Table<InboxBatch>, messageId: string): Promise<boolean> {
  return (await table.where('message_ids').equals(messageId).count()) > 0;
}

/** The version 3 upgrade: every row of the old one-row-per-message `inbox` table into one record. */
export async function packOldInbox(tx: Transaction): Promise<void> {
  const rows = await tx.table<InboxRow>('inbox').toArray();
  if (rows.length) await tx.table<InboxBatch>(INBOX_BATCHES).add(packRows(rows));
}

/** Messages the inbox holds already: handled before. */
export class AlreadyInInbox extends Error {
  constructor(readonly ids: string[]) {
    super(`already in the inbox: ${ids.join(', ')}`);
  }
}
