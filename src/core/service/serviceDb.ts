// A service's own IndexedDB: its business tables plus the outbox, inbox and
// meta tables every service has. Named by run id so two tabs never share data.

import { Dexie } from 'dexie';
import type { DexieDeps } from '../broker/brokerDb';
import type { ServiceName } from '../rows';
import { CHANGES_TABLE, changeLogTables } from '../cdc/changeEvent';
import { changeLog, type ChangeLogOptions } from '../cdc/changeLog';
import { withPublished } from './outboxWatermark';
import { unpackDump } from './packedTable';
import { INBOX_BATCHES, INBOX_BATCHES_SCHEMA, INBOX_PACKING, packOldInbox } from './inboxStore';

/**
 * Dexie schema strings of the tables every service has, as its readers see them (dumpTables, the history's fold)
 * and as version 2 stored them; since version 3 the inbox is stored packed (inboxStore.ts).
 */
export const COMMON_TABLES = {
  // seq orders the relay's work; id is the global message id.
  outbox: '++seq, &id',
  inbox: 'message_id',
  meta: 'key',
  // The change log (our write-ahead-log stand-in): written only when the run captures changes.
  [CHANGES_TABLE]: changeLogTables,
} as const;

export { RELAY_POSITION_KEY } from './metaKeys';

export function serviceDbName(runId: string, service: ServiceName): string {
  return `mpp-${runId}-${service}`;
}

/**
 * Opens a service's database. With `capture`, every write to the captured tables also writes a change row
 * in the same transaction (a log-tailing relay reads the outbox's). Without it the log stays empty,
 * which is also how a reader that must not write (the page reading a crashed service) opens it.
 */
export function openServiceDb(
  runId: string,
  service: ServiceName,
  businessTables: Record<string, string>,
  deps: DexieDeps,
  capture?: Omit<ChangeLogOptions, 'service'>,
): Dexie {
  const db = new Dexie(serviceDbName(runId, service), deps);
  // Version 2 added the change log; Dexie upgrades a version-1 database in place.
  db.version(2).stores({ ...businessTables, ...COMMON_TABLES });
  // Version 3 stores the inbox one record per transaction. A run saved by an older version still opens: its
  // rows move into one record, and Dexie drops `inbox` once the upgrade has read it.
  db.version(3)
    .stores({ inbox: null, [INBOX_BATCHES]: INBOX_BATCHES_SCHEMA })
    .upgrade(packOldInbox);
  if (capture) db.use(changeLog({ ...capture, service }));
  return db;
}

/**
 * Every table as it is now, the inbox one row per message (inboxStore.ts). A polling relay's outbox rows come
 * with `published_at` derived from its watermark (outboxWatermark.ts): every reader of a dump sees the one
 * truth the relay stores.
 */
export async function dumpTables(db: Dexie): Promise<Record<string, Record<string, unknown>[]>> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return withPublished(unpackDump(tables, INBOX_PACKING));
}
