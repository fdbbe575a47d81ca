// Named databases' tables as folded from committed facts: a full read
// (hydrate) replaces a database, each commit's puts and deletes apply in
// order. Pure data: rows are never changed in place.
//
// A copy is an overlay on its original: it holds only what changed since, so
// rebuilding a moment from a checkpoint costs the facts folded, not the size
// of the state. The original must not change while a copy of it is in use
// (checkpoints never change); `flatten` makes a copy stand alone, for keeping.

import type { Change } from '../telemetry';
import type { Row, TableDump } from '../rows';
import { compareKeys, keyText } from './keyOrder';
import type { KeyOf } from './schemaKeys';

/** A row, or (in an overlay) null: deleted here. */
type Entry = { key: unknown; row: Row } | null;
type Table = Map<string, Entry>;
type Database = Map<string, Table>;

export class TablesMirror {
  private readonly dbs = new Map<string, Database>();
  /** Databases and tables (`db\u0000table`) this overlay replaced: nothing of them is read from the original. */
  private readonly replaced = new Set<string>();

  constructor(private readonly parent: TablesMirror | null = null) {}

  /** A copy that costs nothing until it changes: an overlay on this mirror. */
  clone(): TablesMirror {
    return new TablesMirror(this);
  }

  /** A copy that stands alone (no overlay), for a checkpoint to keep. */
  flatten(): TablesMirror {
    const flat = new TablesMirror();
    for (const db of this.databases()) {
      const tables: Database = new Map();
      for (const table of this.tables(db)) tables.set(table, this.entries(db, table));
      flat.dbs.set(db, tables);
    }
    return flat;
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
    this.replaced.add(db);
    for (const name of [...this.replaced]) if (name.startsWith(`${db}\u0000`)) this.replaced.delete(name);
  }

  /** One committed transaction; a range delete (`clear`) empties the table until the next full read says more. */
  commit(db: string, changes: readonly Change[]): void {
    let database = this.dbs.get(db);
    if (!database) this.dbs.set(db, (database = new Map()));
    for (const change of changes) {
      let table = database.get(change.table);
      if (!table) database.set(change.table, (table = new Map()));
      if (change.op === 'put') table.set(keyText(change.key), { key: change.key, row: change.row });
      // An overlay remembers a delete (the original still has the row); a mirror that stands alone just forgets it.
      else if (change.op === 'delete') {
        if (this.parent) table.set(keyText(change.key), null);
        else table.delete(keyText(change.key));
      } else {
        table.clear();
        this.replaced.add(`${db}\u0000${change.table}`);
      }
    }
  }

  has(db: string): boolean {
    return this.dbs.has(db) || (!this.replaced.has(db) && (this.parent?.has(db) ?? false));
  }

  /** One table's rows in key order, as a read of it gives them. */
  rows(db: string, table: string): Row[] {
    return [...this.entries(db, table).values()]
      .sort((a, b) => compareKeys(a!.key, b!.key))
      .map((r) => r!.row);
  }

  /** One row by its key, or undefined. */
  row(db: string, table: string, key: unknown): Row | undefined {
    const own = this.dbs.get(db)?.get(table)?.get(keyText(key));
    if (own !== undefined) return own?.row;
    if (this.inherits(db, table)) return this.parent!.row(db, table, key);
    return undefined;
  }

  tables(db: string): string[] {
    const own = [...(this.dbs.get(db)?.keys() ?? [])];
    const inherited = this.replaced.has(db) || !this.parent ? [] : this.parent.tables(db);
    return [...new Set([...inherited, ...own])];
  }

  /** Every table of `db`, rows in key order. */
  dump(db: string): TableDump {
    return Object.fromEntries(this.tables(db).map((t) => [t, this.rows(db, t)]));
  }

  /** How many rows are held, over every database. */
  size(): number {
    let n = 0;
    for (const db of this.databases()) for (const table of this.tables(db)) n += this.entries(db, table).size;
    return n;
  }

  private databases(): string[] {
    return [...new Set([...(this.parent?.databases() ?? []), ...this.dbs.keys()])].filter((db) =>
      this.has(db),
    );
  }

  private inherits(db: string, table: string): boolean {
    return this.parent !== null && !this.replaced.has(db) && !this.replaced.has(`${db}\u0000${table}`);
  }

  /** The table's live rows by key text: the original's, with this overlay's puts and deletes on top. */
  private entries(db: string, table: string): Map<string, Entry> {
    const own = this.dbs.get(db)?.get(table);
    if (!this.inherits(db, table)) return own ? (this.parent ? withoutDeleted(own) : own) : new Map();
    const merged = new Map(this.parent!.entries(db, table));
    if (own)
      for (const [k, entry] of own) {
        if (entry) merged.set(k, entry);
        else merged.delete(k);
      }
    return merged;
  }
}

function withoutDeleted(table: Table): Map<string, Entry> {
  const live = new Map<string, Entry>();
  for (const [k, entry] of table) if (entry) live.set(k, entry);
  return live;
}
