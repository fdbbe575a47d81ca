// A service's own IndexedDB: its business tables plus the outbox, inbox and
// meta tables every service has. Named by run id so two tabs never share data.

import { Dexie } from 'dexie';
import type { DexieDeps } from '../broker/brokerDb';
import type { ServiceName } from '../rows';

/** Dexie schema strings of the tables every service has. */
export const COMMON_TABLES = {
  // seq orders the relay's work; id is the global message id.
  outbox: '++seq, &id',
  inbox: 'message_id',
  meta: 'key',
} as const;

export function serviceDbName(runId: string, service: ServiceName): string {
  return `mpp-${runId}-${service}`;
}

export function openServiceDb(runId: string, service: ServiceName, businessTables: Record<string, string>, deps: DexieDeps): Dexie {
  const db = new Dexie(serviceDbName(runId, service), deps);
  db.version(1).stores({ ...businessTables, ...COMMON_TABLES });
  return db;
}

export async function dumpTables(db: Dexie): Promise<Record<string, Record<string, unknown>[]>> {
  const tables: Record<string, Record<string, unknown>[]> = {};
  await db.transaction('r', db.tables, async () => {
    for (const table of db.tables) tables[table.name] = await table.toArray();
  });
  return tables;
}
