// The tables a projection writes, as it sees them while applying one batch:
// reads come from what this batch already wrote (or the database), writes stay
// in memory and go down in one bulk write per table at the end of the batch —
// still inside the batch's transaction, before its checkpoint, so a crash
// leaves all of the batch or none of it. A rebuild of 100,000 events then
// costs a few hundred requests instead of two per event.

import { Dexie, type Table } from 'dexie';

/** What a projection may do with a table while applying events. */
export interface ProjectionTable<T = unknown> {
  get(key: unknown): Promise<T | undefined>;
  put(row: T): Promise<unknown>;
}

export interface BatchTables {
  table(name: string): ProjectionTable;
  /** Writes every row this batch put, one bulk write per table. */
  flush(): Promise<void>;
}

const keyOf = (keyPath: string | string[] | null | undefined, row: Record<string, unknown>): unknown =>
  Array.isArray(keyPath) ? keyPath.map((k) => row[k]) : keyPath ? row[keyPath] : undefined;

// Compound keys are arrays: one string identifies the row in the batch's map.
const slot = (key: unknown) => JSON.stringify(key);

export function batchTables(db: Dexie): BatchTables {
  const written = new Map<string, { table: Table; rows: Map<string, unknown> }>();
  const of = (name: string) => {
    let entry = written.get(name);
    if (!entry) written.set(name, (entry = { table: db.table(name), rows: new Map() }));
    return entry;
  };
  return {
    table(name) {
      const entry = of(name);
      const keyPath = entry.table.schema.primKey.keyPath;
      return {
        // Dexie's own promises, never a native one: awaiting a native promise inside a transaction loses
        // Dexie's zone in the browser, and the transaction commits before the batch is written.
        get(key) {
          const s = slot(key);
          return entry.rows.has(s) ? Dexie.Promise.resolve(entry.rows.get(s)) : entry.table.get(key as never);
        },
        put(row) {
          entry.rows.set(slot(keyOf(keyPath, row as Record<string, unknown>)), row);
          return Dexie.Promise.resolve(undefined);
        },
      };
    },
    flush() {
      const writes = [...written.values()]
        .filter(({ rows }) => rows.size)
        .map(({ table, rows }) => table.bulkPut([...rows.values()]));
      return Dexie.Promise.all(writes).then(() => undefined);
    },
  };
}
