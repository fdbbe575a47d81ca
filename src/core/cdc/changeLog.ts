// A Dexie DBCore middleware that writes a Debezium-style change row into the
// `changes` table for every mutation of a captured table, inside the same
// IndexedDB transaction: a rollback takes the change back with the row, so the
// log never shows a write that did not commit. Owns only that; reading the log
// is the connector's job.

import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import type { Row } from '../rows';
import { CHANGES_TABLE, type ChangeRow } from './changeEvent';

export interface ChangeLogOptions {
  service: string;
  /** Tables whose writes are logged; `changes` itself never is. */
  tables: readonly string[];
  now: () => number;
  /** Mints a transaction id: passed in so deterministic runs can seed it. */
  newTxId: () => string;
}

type Before = Map<unknown, Row>;
type StoreScoped = { objectStoreNames?: { contains(name: string): boolean } };

export function changeLog(options: ChangeLogOptions): Middleware<DBCore> {
  const captured = new Set(options.tables);
  if (captured.has(CHANGES_TABLE)) throw new Error(`changeLog: '${CHANGES_TABLE}' cannot capture itself`);
  const txIds = new WeakMap<object, string>();

  function txIdOf(trans: object): string {
    let id = txIds.get(trans);
    if (!id) txIds.set(trans, (id = options.newTxId()));
    return id;
  }

  return {
    stack: 'dbcore',
    name: 'ChangeLog',
    // Above the default level (10): an observer registered at the default (the canvas's commit capture)
    // then sits below this and sees the change rows too, not only the writes that caused them.
    level: 11,
    create(down) {
      assertSchema(down, captured);
      return {
        ...down,
        // Widening the scope here means callers never have to remember to list
        // `changes` in their transactions: every readwrite transaction that can
        // write a captured table can also write its change rows.
        transaction(stores, mode, transactionOptions) {
          const widen =
            mode === 'readwrite' && !stores.includes(CHANGES_TABLE) && stores.some((s) => captured.has(s));
          return down.transaction(widen ? [...stores, CHANGES_TABLE] : stores, mode, transactionOptions);
        },
        table(name) {
          const table = down.table(name);
          if (!captured.has(name)) return table;
          const changes = down.table(CHANGES_TABLE);
          return {
            ...table,
            // Promise chains, not await: Dexie's own middlewares below (hooks)
            // read the transaction from Dexie's zone, which a native await drops.
            mutate(req) {
              assertInScope(req.trans, name);
              const mutateAndLog = (before: Before) =>
                table.mutate(req).then((res) => {
                  const rows = changeRows(table, req, res, before);
                  if (!rows.length) return res;
                  const source = { service: options.service, table: name, txId: txIdOf(req.trans) };
                  const ts_ms = options.now();
                  const values = rows.map((row) => ({ ...row, source, ts_ms }));
                  return changes.mutate({ type: 'add', trans: req.trans, values }).then((logged) => {
                    if (logged.numFailures)
                      throw new Error(
                        `changeLog: could not log ${logged.numFailures} change(s) of '${name}'`,
                      );
                    return res;
                  });
                });
              // An insert replaces nothing: no read before it.
              return req.type === 'add' ? mutateAndLog(new Map()) : readBefore(table, req).then(mutateAndLog);
            },
          };
        },
      };
    },
  };
}

function assertSchema(core: DBCore, captured: Set<string>): void {
  const names = new Set(core.schema.tables.map((t) => t.name));
  if (!names.has(CHANGES_TABLE))
    throw new Error(`changeLog: the database has no '${CHANGES_TABLE}' table; add it with changeLogTables`);
  for (const name of captured)
    if (!names.has(name)) throw new Error(`changeLog: captured table '${name}' is not in the schema`);
}

// The scope is widened above, so this only fires for a transaction created
// around the middleware (e.g. by another layer): better a clear error than a
// write that silently escapes the log.
function assertInScope(trans: object, table: string): void {
  const stores = (trans as StoreScoped).objectStoreNames;
  if (stores && !stores.contains(CHANGES_TABLE)) {
    throw new Error(
      `changeLog: '${table}' was written in a transaction without '${CHANGES_TABLE}'; include it in the transaction scope`,
    );
  }
}

/** The rows a put or delete is about to replace, read in the same transaction so nothing can change them in between. */
function readBefore(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Before> {
  const { trans } = req;
  if (req.type === 'add') return Promise.resolve(new Map());
  if (req.type === 'put')
    return rowsAt(
      table,
      trans,
      req.values.map((value, i) => keyOf(table, value, req.keys?.[i])),
    );
  if (req.type === 'delete') return rowsAt(table, trans, req.keys);
  const query = { index: table.schema.primaryKey, range: req.range };
  return table.query({ trans, values: false, query }).then(({ result }) => rowsAt(table, trans, result));
}

function rowsAt(table: DBCoreTable, trans: DBCoreTransaction, keys: unknown[]): Promise<Before> {
  // A put without a key yet (auto-increment) replaces nothing.
  const known = keys.filter((k) => k !== undefined);
  if (!known.length) return Promise.resolve(new Map());
  return table.getMany({ trans, keys: known }).then((rows) => {
    const before: Before = new Map();
    known.forEach((key, i) => rows[i] !== undefined && before.set(key, rows[i] as Row));
    return before;
  });
}

function changeRows(
  table: DBCoreTable,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
  before: Before,
): Omit<ChangeRow, 'source' | 'ts_ms'>[] {
  const name = table.name;
  if (req.type === 'add' || req.type === 'put') {
    return req.values.flatMap((value, i) => {
      if (res.failures[i]) return []; // a failed operation in a bulk write did not happen
      const key = res.results?.[i] ?? keyOf(table, value, req.keys?.[i]);
      const after = withKey(table, value as Row, key);
      const old = req.type === 'put' ? (before.get(key) ?? null) : null;
      // A later put of the same key in this batch replaces this one, not the stored row.
      before.set(key, after);
      return [{ table: name, key, op: old ? 'u' : 'c', before: old, after }];
    });
  }
  // Delete by keys or by range (clear): one 'd' per row that existed.
  return [...before].map(([key, old]) => ({ table: name, key, op: 'd', before: old, after: null }));
}

function keyOf(table: DBCoreTable, value: unknown, given: unknown): unknown {
  if (given !== undefined) return given;
  return table.schema.primaryKey.extractKey?.(value);
}

/** An auto-incremented key is not in the written value; put it in `after` so readers see the whole row. */
function withKey(table: DBCoreTable, value: Row, key: unknown): Row {
  const keyPath = table.schema.primaryKey.keyPath;
  if (typeof keyPath !== 'string' || value[keyPath] !== undefined) return { ...value };
  return { ...value, [keyPath]: key };
}
