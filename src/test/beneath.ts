// Test code, never shipped: a Dexie DBCore middleware that sits beneath the
// ones under test, right above the engine, to watch (or bend) what reaches it.

import type { DBCore, DBCoreTable, Middleware } from 'dexie';

/** `wrap` returns the table methods to replace, given the engine's table and its name. */
export function beneath(
  name: string,
  wrap: (table: DBCoreTable, tableName: string) => Partial<DBCoreTable>,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    level: -0.5,
    create: (down) => ({
      ...down,
      table(tableName) {
        const table = down.table(tableName);
        return { ...table, ...wrap(table, tableName) };
      },
    }),
  };
}
