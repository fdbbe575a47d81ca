// Test support: search databases on fake-indexeddb, each with a fresh name,
// all closed after each test of the file that asks for them.

import { afterEach } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import type { Dexie } from 'dexie';
import { openSearchDb } from './searchProjection';

let runs = 0;

/** Call at a test file's top level; the function it returns opens one more search database. */
export function searchDbs(prefix: string): () => Dexie {
  let open: Dexie[] = [];
  afterEach(() => {
    open.forEach((db) => db.close());
    open = [];
  });
  return () => {
    const db = openSearchDb(`${prefix}${++runs}`, { indexedDB, IDBKeyRange });
    open.push(db);
    return db;
  };
}
