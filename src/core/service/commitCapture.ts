// A Dexie DBCore middleware that collects every row a transaction writes and
// hands them over only once the transaction has committed. The canvas is fed
// from here, so it never shows a row that a rollback took back. A write may
// mean more than its row: `describe` says so (the polling relay's watermark put
// is each outbox row it covers going published, its range delete those rows).

import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';
import type { Change } from '../telemetry';
import type { Row } from '../rows';

type TransactionLike = { addEventListener(type: 'complete', listener: () => void): void };

/** The changes to report for one write, in its place; null: report it as it is. */
export type DescribeWrite = (change: Change) => Change[] | null;

export function commitCapture(
  onCommit: (changes: Change[]) => void,
  describe: DescribeWrite = () => null,
): Middleware<DBCore> {
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
    for (const change of changesIn(table, req, res)) changes.push(...(describe(change) ?? [change]));
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

/** The writes of one mutate request, as the capture reports them unless `describe` says more. */
function changesIn(table: DBCoreTable, req: DBCoreMutateRequest, res: DBCoreMutateResponse): Change[] {
  const name = table.name;
  const keyPath = table.schema.primaryKey.keyPath;
  if (req.type === 'add' || req.type === 'put')
    return req.values.map((value, i): Change => {
      const row = { ...(value as Row) };
      const key = res.results?.[i] ?? (typeof keyPath === 'string' ? row[keyPath] : undefined);
      if (typeof keyPath === 'string' && row[keyPath] === undefined) row[keyPath] = key;
      return { table: name, op: 'put', key, row };
    });
  if (req.type === 'delete') return req.keys.map((key): Change => ({ table: name, op: 'delete', key }));
  // A range delete: the reader re-reads the table rather than guess the keys (unless `describe` names them).
  return [{ table: name, op: 'clear' }];
}
