// The initial snapshot: every row of the captured tables, read in one
// transaction together with the log's newest sequence, so following the log
// from that sequence afterwards neither misses nor repeats a change.

import type { Dexie } from 'dexie';
import type { Row } from '../rows';
import { CHANGES_TABLE, type ChangeRecord } from './changeEvent';
import { lastSeq } from './changeLogDb';

export interface Snapshot {
  /** The log position the snapshot is consistent with. */
  seq: number;
  records: ChangeRecord[];
}

export async function readSnapshot(
  db: Dexie,
  service: string,
  tables: readonly string[],
  now: number,
): Promise<Snapshot> {
  return db.transaction('r', [...tables, CHANGES_TABLE], async () => {
    const seq = await lastSeq(db);
    const records: ChangeRecord[] = [];
    for (const table of tables) {
      const collection = db.table(table).toCollection();
      // Both walk the primary key in the same order, so row i has key i.
      const [keys, rows] = await Promise.all([collection.primaryKeys(), collection.toArray()]);
      rows.forEach((row: Row, i) => {
        const source = { service, table, txId: `snapshot@${seq}`, sequence: seq, snapshot: true };
        records.push({ key: keys[i], value: { before: null, after: row, op: 'r', source, ts_ms: now } });
      });
    }
    return { seq, records };
  });
}
