// Reference data — the settings a fault switch lives in, the regions a
// shipper serves — is read by nearly every handler and written almost never
// (a user's edit, the seed). Read once per process life from the database,
// then kept current from the host's own committed changes, a handler's read
// of it costs no IndexedDB request. A crash forgets it with the process; the
// next life reads it afresh, as recovery must.

import type { Dexie } from 'dexie';
import type { Change } from '../telemetry';
import type { Row } from '../rows';

export class ReferenceCache {
  private readonly tables = new Map<string, Map<unknown, Row>>();

  constructor(
    private readonly db: Dexie,
    private readonly names: readonly string[],
  ) {}

  /** A copy of the row, so a handler that changes what it read cannot change the cache. */
  async get<T>(table: string, key: unknown): Promise<T | undefined> {
    if (!this.names.includes(table)) throw new Error(`${table} is not reference data here`);
    let rows = this.tables.get(table);
    if (!rows) {
      // Inside a handler's transaction this read is part of it; the rows are the same whoever reads them.
      const keyPath = this.db.table(table).schema.primKey.keyPath as string;
      const all = await this.db.table<Row>(table).toArray();
      rows = new Map(all.map((row) => [row[keyPath], row]));
      this.tables.set(table, rows);
    }
    const row = rows.get(key);
    return row === undefined ? undefined : (structuredClone(row) as T);
  }

  /** A transaction committed: what it wrote to reference tables is what they now hold. */
  apply(changes: Change[]): void {
    for (const change of changes) {
      const rows = this.tables.get(change.table);
      if (!rows) continue;
      if (change.op === 'put') rows.set(change.key, change.row);
      else if (change.op === 'delete') rows.delete(change.key);
      // A range delete names no keys: read the table again on the next use.
      else this.tables.delete(change.table);
    }
  }
}
