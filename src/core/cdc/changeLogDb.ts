// Opening a database with change capture on, and reading its log back. The
// Dexie dependencies (indexedDB, IDBKeyRange) are passed in, as everywhere in core.

import { Dexie } from 'dexie';
import { withoutLiveQueries, type DexieDeps } from '../broker/brokerDb';
import { CHANGES_TABLE, changeLogTables, type ChangeRow } from './changeEvent';
import { changeLog, type ChangeLogOptions } from './changeLog';

/** Opens `name` with `stores` plus the changes table, logging every write to `options.tables`. */
export function openChangeLoggedDb(
  name: string,
  stores: Record<string, string>,
  options: ChangeLogOptions,
  deps: DexieDeps,
): Dexie {
  const db = new Dexie(name, withoutLiveQueries(deps));
  db.version(1).stores({ ...stores, [CHANGES_TABLE]: changeLogTables });
  db.use(changeLog(options));
  return db;
}

/** Up to `limit` change rows after `afterSeq`, in log order. */
export function readChanges(db: Dexie, afterSeq: number, limit: number): Promise<ChangeRow[]> {
  return db.table<ChangeRow, number>(CHANGES_TABLE).where('seq').above(afterSeq).limit(limit).toArray();
}

/** The sequence of the newest change, or 0 for an empty log. */
export async function lastSeq(db: Dexie): Promise<number> {
  const newest = await db.table<ChangeRow, number>(CHANGES_TABLE).orderBy('seq').last();
  return newest?.seq ?? 0;
}
