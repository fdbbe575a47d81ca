// A Dexie DBCore middleware that lets a transaction's plain puts and deletes
// go on without waiting for each. IndexedDB runs a transaction's requests in
// the order they were made, so a read made after a write already sees it:
// the write's own answer matters only when it fails, and then the whole
// transaction must not commit. So a put or delete whose keys are known from
// the request, on a table that has no unique index (nothing there can refuse
// it), is answered at once, and should it fail after all, the transaction is
// aborted: the batch it was in runs again message by message, as any failed
// batch does (consumer.ts). Adds, auto-incremented keys (the outbox, the
// inbox records) and tables with a unique index wait as before, since their
// callers act on the answer (an add refusing a duplicate).
//
// Requests sent together run about twice as fast as requests that wait for
// each other (issue 20's raw IndexedDB figures): a handler's writes now do.

import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';

/** Raced against a request: it loses to one settled (or refused) as it was made, and wins against one under way. */
const UNDER_WAY = Symbol('under way');
const underWay = Promise.resolve(UNDER_WAY);

/** Why a transaction was aborted by a write that failed after it was answered, for its caller's message. */
const failures = new WeakMap<object, unknown>();

export function writeBehindFailure(trans: object): unknown {
  return failures.get(trans);
}

export function writeBehind(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'write-behind',
    // Right above the engine (Dexie's own middlewares sit at 1 and 2, ours at 10), so a request the engine refuses
    // to make is seen refused before the race below is decided.
    level: 0,
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          const keyPath = table.schema.primaryKey.keyPath;
          const refusable =
            typeof keyPath !== 'string' ||
            table.schema.primaryKey.autoIncrement ||
            table.schema.indexes.some((index) => index.unique);
          if (refusable) return table;
          return {
            ...table,
            async mutate(req) {
              const keys = knownKeys(req, keyPath);
              if (!keys) return table.mutate(req);
              // Made now, synchronously, so it keeps its place among the transaction's requests.
              const written = table.mutate(req);
              // A request IndexedDB refused to make (a transaction no longer active, a value it cannot clone) has
              // failed already, and fails here as it always did; one it made is still under way.
              const first = await Promise.race([written, underWay]);
              if (first !== UNDER_WAY) return first;
              written.then(
                (res) => res.numFailures && abort(req.trans, Object.values(res.failures)[0]),
                (error: unknown) => abort(req.trans, error),
              );
              return answer(req, keys);
            },
          };
        },
      };
    },
  };
}

/** The keys a plain put or delete writes, when the request names them all; null for anything else. */
function knownKeys(req: DBCoreMutateRequest, keyPath: string): unknown[] | null {
  if (req.type === 'delete') return req.criteria ? null : req.keys;
  if (req.type !== 'put' || req.criteria || req.changeSpec || req.updates || req.keys) return null;
  const keys = req.values.map((value) => (value as Record<string, unknown>)[keyPath]);
  return keys.every(isKey) ? keys : null;
}

/** What the engine answers for a put or delete that wrote every row (Dexie's dbcore-indexeddb). */
function answer(req: DBCoreMutateRequest, keys: unknown[]): DBCoreMutateResponse {
  return {
    numFailures: 0,
    failures: {},
    results: keys,
    lastResult: req.type === 'delete' ? undefined : keys.at(-1),
  };
}

function abort(trans: DBCoreMutateRequest['trans'], error: unknown): void {
  // A request aborted along with its transaction (a crash, an earlier failure) says nothing new.
  if (failures.has(trans) || (error instanceof Error && error.name === 'AbortError')) return;
  failures.set(trans, error);
  try {
    trans.abort();
  } catch {
    // Already ending: a transaction cannot commit while one of its requests is under way, and this failure is
    // answered in that request's own event, so it can only be ending in an abort.
  }
}

/** A valid IndexedDB key of the kinds our tables use (a string, a finite number, an array of them). */
export function isKey(key: unknown): boolean {
  if (typeof key === 'string') return true;
  if (typeof key === 'number') return Number.isFinite(key);
  return Array.isArray(key) && key.length > 0 && key.every(isKey);
}
