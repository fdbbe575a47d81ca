// The primary key of a row, read from the Dexie schema string of its table
// ('++seq, &id' → seq; '[topic+partition+offset]' → [topic, partition, offset]),
// so a full read folds under the keys later commits name. Pure.

import type { Row } from '../rows';

export type KeyOf = (table: string, row: Row) => unknown;

function primaryPath(schema: string): string | string[] {
  const first = schema
    .split(',')[0]
    .trim()
    .replace(/^(\+\+|&|\*)/, '');
  return first.startsWith('[') ? first.slice(1, -1).split('+') : first;
}

/** The key reader for databases of these table schemas; a table missing from them is keyed by `id`. */
export function keysOf(schemas: Record<string, string>): KeyOf {
  const paths = Object.fromEntries(Object.entries(schemas).map(([t, s]) => [t, primaryPath(s)]));
  return (table, row) => {
    const path = paths[table] ?? 'id';
    return Array.isArray(path) ? path.map((p) => row[p]) : row[path];
  };
}
