// A Dexie DBCore middleware that collects every row a transaction writes and
// hands them over only once the transaction has committed. The canvas is fed
// from here, so it never shows a row that a rollback took back.

import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { Change } from '../telemetry';
import type { Row } from '../rows';

type TransactionLike = { addEventListener(type: 'complete', listener: () => void): void };

export function commitCapture(onCommit: (changes: Change[]) => void): Middleware<DBCore> {
  const pending = new WeakMap<object, Change[]>();

  function changesOf(trans: object): Change[] {
    let changes = pending.get(trans);
    if (!changes) {
      const list: Change[] = [];
      pending.set(trans, (changes = list));
      (trans as TransactionLike).addEventListener('complete', () => onCommit(list));
    }
    return changes;
  }

  function record(table: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse): void {
    const changes = changesOf(req.trans);
    const name = table.name;
    const keyPath = table.schema.primaryKey.keyPath;
    if (req.type === 'add' || req.type === 'put') {
      req.values.forEach((value, i) => {
        const row = { ...(value as Row) };
        const key = res.results?.[i] ?? (typeof keyPath === 'string' ? row[keyPath] : undefined);
        if (typeof keyPath === 'string' && row[keyPath] === undefined) row[keyPath] = key;
        changes.push({ table: name, op: 'put', key, row });
      });
    } else if (req.type === 'delete') {
      for (const key of req.keys) changes.push({ table: name, op: 'delete', key });
    } else {
      // A range delete: the reader re-reads the table rather than guess the keys.
      changes.push({ table: name, op: 'clear' });
    }
  }

  return {
    stack: 'dbcore',
    name: 'commit-capture',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            async mutate(req) {
              const wanted = req.type === 'add' ? { ...req, wantResults: true } : req;
              const res = await table.mutate(wanted);
              record(table, req, res);
              return res;
            },
          };
        },
      };
    },
  };
}
