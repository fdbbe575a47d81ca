// Reads a crashed process's database from the main thread. A dead worker
// cannot answer, but its IndexedDB is still there: this is what recovery will
// find, and what the user should see while the process is down.

import { openBrokerDb, type LogRow } from '../core/broker/brokerDb';
import { dumpBroker, readLog, type BrokerDump } from '../core/broker/dump';
import type { ServiceName, TableDump } from '../core/rows';
import { dumpTables, openServiceDb } from '../core/service/serviceDb';
import { SERVICES } from '../core/services';
import type { BrokerStats } from '../core/telemetry';

const dexie = () => ({ indexedDB, IDBKeyRange });

export async function readServiceDb(runId: string, service: ServiceName): Promise<TableDump> {
  const db = openServiceDb(runId, service, SERVICES[service].tables, dexie());
  try {
    return await dumpTables(db);
  } finally {
    db.close();
  }
}

export async function readBrokerDb(runId: string): Promise<BrokerDump> {
  const db = openBrokerDb(runId, dexie());
  const down: BrokerStats = { partitions: [], groups: [], deadLetters: 0, paused: false };
  try {
    return await dumpBroker(db, down);
  } finally {
    db.close();
  }
}

export async function readBrokerLog(runId: string): Promise<LogRow[]> {
  const db = openBrokerDb(runId, dexie());
  try {
    return await readLog(db);
  } finally {
    db.close();
  }
}
