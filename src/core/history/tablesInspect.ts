// inspect(kind, id) over folded tables, for a topology whose links are its
// transactions: the row (`kind` a table name; `change` the change log,
// `event` an event store's events), the commit that last wrote it, and as
// its neighbours the other rows that same transaction wrote. Pure.

import type { Change } from '../telemetry';
import type { HistoryEntry } from './factHistory';
import type { CausalLink, Found } from './historySpec';
import { keyText } from './keyOrder';
import type { TablesMirror } from './tablesMirror';

type Put = Extract<Change, { op: 'put' }>;

/** `ids`: how a table's rows are named (their key by default); `tableOf`: the table a kind names. */
export function tablesInspect(
  dbs: TablesMirror,
  facts: readonly HistoryEntry<{ kind: string }>[],
  kind: string,
  id: string,
  {
    databases,
    tableOf = (k) => k,
    commitsOf,
    only,
  }: {
    databases: readonly string[];
    /** The one database to look in, when the caller named it. */
    only?: string;
    tableOf?: (kind: string) => string;
    /** The database a fact committed to and its changes, if it is a commit. */
    commitsOf: (fact: { kind: string }) => { db: string; changes: Change[] } | null;
  },
): Found {
  const table = tableOf(kind);
  for (const db of databases.filter((d) => !only || d === only)) {
    let last: { entry: HistoryEntry<{ kind: string }>; puts: Put[]; key: unknown } | null = null;
    for (const entry of facts) {
      const commit = commitsOf(entry.fact);
      if (!commit || commit.db !== db) continue;
      const puts = commit.changes.filter((c): c is Put => c.op === 'put');
      const hit = puts.find((c) => c.table === table && idOf(c) === id);
      if (hit) last = { entry, puts, key: hit.key };
    }
    if (!last) continue;
    const item = dbs.row(db, table, last.key) ?? null;
    const others = last.puts.filter((c) => !(c.table === table && idOf(c) === id));
    const link = (c: Put, via: string): CausalLink => ({
      kind: kindOf(c.table),
      service: db,
      id: idOf(c),
      via,
    });
    return {
      kind,
      service: db,
      id,
      item,
      committed: last.entry,
      // Without message ids to follow, a transaction's rows are told apart only by table: a change row is caused by
      // the write it records, and everything else the transaction wrote is its effect.
      causes: others
        .filter((c) => table === 'changes' && c.table !== 'changes')
        .map((c) => link(c, 'the write it records')),
      effects: others
        .filter((c) => !(table === 'changes' && c.table !== 'changes'))
        .map((c) => link(c, 'written in the same transaction')),
    };
  }
  throw new Error(`no ${only ? `${only}/` : ''}${kind} "${id}" in the recorded history`);
}

function idOf(c: Put): string {
  return keyText(c.key);
}

function kindOf(table: string): string {
  return table === 'changes' ? 'change' : table;
}
