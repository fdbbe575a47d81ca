// Test support: a change-logged service database on fake-indexeddb, with a
// fixed clock and counting transaction ids so envelopes are predictable.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { Dexie } from 'dexie';
import { openChangeLoggedDb } from './changeLogDb';

let dbCount = 0;

export const TEST_TABLES = { orders: 'id', outbox: '++seq, &id' };

export function openTestDb(service = 'order', tables: readonly string[] = ['orders', 'outbox']): Dexie {
  let tx = 0;
  const name = `cdc-test-${++dbCount}`;
  return openChangeLoggedDb(
    name,
    TEST_TABLES,
    { service, tables, now: () => 1_000, newTxId: () => `tx-${++tx}` },
    { indexedDB, IDBKeyRange },
  );
}
