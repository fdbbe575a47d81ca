// Named databases' tables as folded from committed facts: a full read
// (hydrate) replaces a database, each commit's puts and deletes apply in
// order. Pure data: rows are never changed in place, so a copy shares them.

import type { Change } from '../telemetry';
import type { Row, TableDump } from '../rows';
import { compareKeys, keyText } from './keyOrder';
import type { KeyOf } from './schemaKeys';

type Table = Map<string, { key: unknown; row: Row }>;
type Database = Map<string, Table>;

export class TablesMirror {
  constructor(private readonly dbs = new Map<string, Database>()) {}

  /** A copy sharing the rows: cheap, since folding replaces rows rather than editing them. */
  clone(): TablesMirror {
    const dbs = new Map<string, Database>();
    for (const [name, db] of this.dbs) dbs.set(name, new Map([...db].map(([t, rows]) => [t, new Map(rows)])));
    return new TablesMirror(dbs);
  }

  /** A full read of `db` (each table's rows in key order): what was there before is forgotten. */
  hydrate(db: string, tables: TableDump, keyOf: KeyOf): void {
    const next: Database = new Map();
    for (const [table, rows] of Object.entries(tables))
      next.set(
        table,
        new Map(rows.map((row) => [keyText(keyOf(table, row)), { key: keyOf(table, row), row }])),
      );
    this.dbs.set(db, next);
  }

  /** One committed transaction; a range delete (`clear`) empties the table until the next full read says more. */
  commit(db: string, changes: readonly Change[]): void {
    let database = this.dbs.get(db);
    if (!database) this.dbs.set(db, (database = new Map()));
    for (const change of changes) {
      let table = database.get(change.table);
      if (!table) database.set(change.table, (table = new Map()));
      if (change.op === 'put') table.set(keyText(change.key), { key: change.key, row: change.row });
      else if (change.op === 'delete') table.delete(keyText(change.key));
      else table.clear();
    }
  }

  has(db: string): boolean {
    return this.dbs.has(db);
  }

  /** One table's rows in key order, as a read of it gives them. */
  rows(db: string, table: string): Row[] {
    const rows = this.dbs.get(db)?.get(table);
    if (!rows) return [];
    return [...rows.values()].sort((a, b) => compareKeys(a.key, b.key)).map((r) => r.row);
  }

  /** One row by its key, or undefined. */
  row(db: string, table: string, key: unknown): Row | undefined {
    return this.dbs.get(db)?.get(table)?.get(keyText(key))?.row;
  }

  tables(db: string): string[] {
    return [...(this.dbs.get(db)?.keys() ?? [])];
  }

  /** Every table of `db`, rows in key order. */
  dump(db: string): TableDump {
    return Object.fromEntries(this.tables(db).map((t) => [t, this.rows(db, t)]));
  }

  /** How many rows are held, over every database. */
  size(): number {
    let n = 0;
    for (const db of this.dbs.values()) for (const table of db.values()) n += table.size;
    return n;
  }
}
