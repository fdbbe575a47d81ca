// Named databases' tables as folded from committed facts: a full read
// (hydrate) replaces a database, each commit's puts and deletes apply in
// order. Pure data: rows are never changed in place.
//
// Each table is a SortedTable (a copy-on-write B+ tree in key order), so a
// table reads in key order without a sort, and a copy shares everything with
// its original until either changes: rebuilding a moment from a checkpoint
// costs the facts folded, not the size of the state, and a checkpoint holds
// only what changed since the one before it.
//
// As a history's base (baseBudget.ts) a mirror lets go of its oldest-written
// rows past a budget: every copy of one mirror shares the ages of its rows.

import type { Change } from '../telemetry';
import type { Row, TableDump } from '../rows';
import type { KeyOf } from './schemaKeys';
import { SortedTable } from './sortedTable';
import { BASE_BUDGET, keptBy, RowAges, type BaseBudget } from './baseBudget';

type Database = Map<string, SortedTable>;

export class TablesMirror {
  private readonly dbs = new Map<string, Database>();

  constructor(private readonly ages = new RowAges()) {}

  /** A copy that costs nothing until it changes; it and this mirror no longer affect each other. */
  clone(): TablesMirror {
    const copy = new TablesMirror(this.ages);
    for (const [name, db] of this.dbs)
      copy.dbs.set(name, new Map([...db].map(([table, rows]) => [table, rows.clone()])));
    return copy;
  }

  /** A copy for a checkpoint to keep. Every copy stands alone, so this is a clone (kept for the folds' `compact`). */
  flatten(): TablesMirror {
    return this.clone();
  }

  /** A full read of `db`: what was there before is forgotten. */
  hydrate(db: string, tables: TableDump, keyOf: KeyOf): void {
    const next: Database = new Map();
    for (const [table, rows] of Object.entries(tables))
      next.set(
        table,
        SortedTable.of(rows, (row) => keyOf(table, row)),
      );
    this.dbs.set(db, next);
  }

  /** One committed transaction; a range delete (`clear`) empties the table until the next full read says more. */
  commit(db: string, changes: readonly Change[]): void {
    let database = this.dbs.get(db);
    if (!database) this.dbs.set(db, (database = new Map()));
    for (const change of changes) {
      if (change.op === 'clear') {
        database.set(change.table, SortedTable.empty());
        continue;
      }
      let table = database.get(change.table);
      if (!table) database.set(change.table, (table = SortedTable.empty()));
      if (change.op === 'put') table.set(change.key, change.row);
      else table.delete(change.key);
    }
  }

  /** Past `budget`, lets go of the rows written longest ago (see baseBudget.ts); returns how many. */
  letGoOldest(budget: BaseBudget = BASE_BUDGET): number {
    const tables = [...this.dbs].flatMap(([db, database]) =>
      [...database].map(([name, rows]) => ({
        db,
        name,
        rows,
        size: rows.size,
        forEachLeaf: rows.forEachLeaf.bind(rows),
      })),
    );
    let letGo = 0;
    for (const [t, cut] of this.ages.overBudget(tables, budget)) {
      const kept = t.rows.filtered(keptBy(cut, this.ages));
      letGo += t.size - kept.size;
      this.dbs.get(t.db)!.set(t.name, kept);
    }
    return letGo;
  }

  has(db: string): boolean {
    return this.dbs.has(db);
  }

  /** One table's rows in key order, as a read of it gives them. */
  rows(db: string, table: string): Row[] {
    return this.dbs.get(db)?.get(table)?.rows() ?? [];
  }

  /** One table's rows leaf by leaf, in key order (see SortedTable.forEachLeaf); nothing when there is no table. */
  forEachLeaf(db: string, table: string, visit: (rows: readonly Row[], shared: boolean) => void): void {
    this.dbs.get(db)?.get(table)?.forEachLeaf(visit);
  }

  /** One row by its key, or undefined. */
  row(db: string, table: string, key: unknown): Row | undefined {
    return this.dbs.get(db)?.get(table)?.get(key);
  }

  tables(db: string): string[] {
    return [...(this.dbs.get(db)?.keys() ?? [])];
  }

  /** Every table of `db`, rows in key order. */
  dump(db: string): TableDump {
    return Object.fromEntries(this.tables(db).map((t) => [t, this.rows(db, t)]));
  }

  /**
   * dump(db), each table's rows read when first asked for (by `read`, this mirror's rows by default) and kept: a
   * reader of a few tables — the checks of a busy run read three of dozens — pays for those alone. The same keys in
   * the same order; a table assigned to is then a plain value. Read a copy's (a moment's), which nothing changes.
   */
  lazyDump(db: string, read: (table: string) => Row[] = (table) => this.rows(db, table)): TableDump {
    return lazyProperties({} as TableDump, this.tables(db), read);
  }

  /** How many rows are held, over every database. */
  size(): number {
    let n = 0;
    for (const db of this.dbs.values()) for (const table of db.values()) n += table.size;
    return n;
  }
}

/** `target` with `keys` whose values are computed on first read and kept; assigning one replaces it. */
export function lazyProperties<T extends object>(
  target: T,
  keys: readonly string[],
  compute: (key: string) => unknown,
): T {
  for (const key of keys) {
    let value: { v: unknown } | null = null;
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => (value ??= { v: compute(key) }).v,
      set: (v: unknown) =>
        Object.defineProperty(target, key, {
          value: v,
          writable: true,
          enumerable: true,
          configurable: true,
        }),
    });
  }
  return target;
}
