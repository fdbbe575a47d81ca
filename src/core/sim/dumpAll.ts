// Every table of some databases, read through connections opened for it and
// closed again: how a deterministic run's end state is read, on any host,
// whether or not the process that owns a database is up.

import type { Dexie } from 'dexie';
import type { TableDump } from '../rows';
import { dumpTables } from '../service/serviceDb';

export async function dumpAll(dbs: Record<string, Dexie>): Promise<Record<string, TableDump>> {
  try {
    const dumps = await Promise.all(
      Object.entries(dbs).map(async ([name, db]) => [name, await dumpTables(db)]),
    );
    return Object.fromEntries(dumps);
  } finally {
    for (const db of Object.values(dbs)) db.close();
  }
}
