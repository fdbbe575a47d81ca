// Batch-shaped reads: a consumer batch names, before its handlers run, the
// rows they will read by key (a definition's `readAhead`), and this Dexie
// DBCore middleware fetches them all at once — one request per row, sent
// together instead of each after the last handler's answer. A handler's `get`
// or `bulkGet` of such a row is then answered from that fetch.
//
// It can never hand out a stale row. The fetch is made at the start of a
// read-write transaction over every table, so nothing else writes while it
// lasts; any write in it to a fetched key (to any key of the table, when the
// keys are not known) drops the fetched row, and each fetched row is handed
// out once: a second read, or a handler that changed its copy in place, goes
// to IndexedDB as it always did. A wrong guess costs one read, nothing more.

import { Dexie, type DBCore, type DBCoreMutateRequest, type IndexableType, type Middleware } from 'dexie';
import { isKey } from './writeBehind';

/** A row a handler is expected to read by its primary key. */
export interface RowKey {
  table: string;
  key: IndexableType;
}

/** One fetched row, handed out at most once: the table's fetch and the row's place in it. */
interface Fetched {
  read: Promise<unknown[]>;
  at: number;
}

/** Per transaction, per table, the fetched rows by encoded key. */
type Fetches = Map<string, Map<string, Fetched>>;

// Strings are prefixed so that the string '1' and the number 1 stay different keys.
const encode = (key: unknown): string => (typeof key === 'string' ? `s${key}` : JSON.stringify(key));

export interface ReadAhead {
  middleware: Middleware<DBCore>;
  /** Inside a transaction of the database using `middleware`: fetches `keys` now, all together, without waiting. */
  fetch(keys: RowKey[]): void;
}

export function readAhead(): ReadAhead {
  const byTransaction = new WeakMap<object, Fetches>();
  let core: DBCore | null = null;
  /** The database's table names, for guesses that name a table it lacks. */
  let tables = new Set<string>();

  function fetched(trans: object, table: string): Map<string, Fetched> | undefined {
    return byTransaction.get(trans)?.get(table);
  }

  /** Takes a fetched row out (once); undefined when there is none. */
  function take(trans: object, table: string, key: unknown): Promise<unknown> | undefined {
    const rows = fetched(trans, table);
    const id = encode(key);
    const row = rows?.get(id);
    if (!row) return undefined;
    rows!.delete(id);
    return row.read.then((values) => values[row.at]);
  }

  /** A write drops what it may change: the keys it names, or the whole table when they are not known. */
  function forget(trans: object, table: string, req: DBCoreMutateRequest, keyPath: unknown): void {
    const rows = fetched(trans, table);
    if (!rows?.size) return;
    const keys =
      req.type === 'delete' && !req.criteria
        ? req.keys
        : (req.type === 'add' || (req.type === 'put' && !req.criteria)) && typeof keyPath === 'string'
          ? req.values.map((value) => (value as Record<string, unknown>)[keyPath])
          : null;
    if (keys && keys.every(isKey)) for (const key of keys) rows.delete(encode(key));
    else rows.clear();
  }

  return {
    middleware: {
      stack: 'dbcore',
      name: 'read-ahead',
      create(down) {
        core = down;
        tables = new Set(down.schema.tables.map((t) => t.name));
        return {
          ...down,
          table(name) {
            const table = down.table(name);
            const keyPath = table.schema.primaryKey.keyPath;
            return {
              ...table,
              get(req) {
                return take(req.trans, name, req.key) ?? table.get(req);
              },
              async getMany(req) {
                // Most reads of most transactions: nothing fetched for this table.
                if (!fetched(req.trans, name)?.size) return table.getMany(req);
                const taken = req.keys.map((key) => take(req.trans, name, key));
                const missing = req.keys.filter((_, i) => !taken[i]);
                const read = missing.length ? await table.getMany({ ...req, keys: missing }) : [];
                let next = 0;
                return Promise.all(taken.map((row) => row ?? read[next++]));
              },
              mutate(req) {
                forget(req.trans, name, req, keyPath);
                return table.mutate(req);
              },
            };
          },
        };
      },
    },

    fetch(keys) {
      const trans = Dexie.currentTransaction?.idbtrans;
      if (!core || !trans) return;
      let fetches = byTransaction.get(trans);
      if (!fetches) byTransaction.set(trans, (fetches = new Map()));
      // Per table, the keys not fetched already, once each.
      const wanted = new Map<string, Map<string, unknown>>();
      for (const { table, key } of keys) {
        // A key a malformed message made up is left to the handler, which meets it as it always did.
        if (!isKey(key) || !tables.has(table)) continue;
        const id = encode(key);
        if (fetches.get(table)?.has(id)) continue;
        if (!wanted.has(table)) wanted.set(table, new Map());
        wanted.get(table)!.set(id, key);
      }
      for (const [table, tableKeys] of wanted) {
        const read = core.table(table).getMany({ trans, keys: [...tableKeys.values()] });
        // Nobody may ever take these rows (the guess was wrong): their failure must not go unhandled.
        read.catch(() => undefined);
        if (!fetches.has(table)) fetches.set(table, new Map());
        const rows = fetches.get(table)!;
        [...tableKeys.keys()].forEach((id, at) => rows.set(id, { read, at }));
      }
    },
  };
}
