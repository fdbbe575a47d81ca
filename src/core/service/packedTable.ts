// A table stored packed: several of its rows in one stored record (the
// broker's log in record batches, a service's inbox one record per consumer
// transaction), so a write of many rows is one IndexedDB request. Readers
// never meet a packed record: a dump holds the rows under the table's own
// name, and a committed write of a record is reported as its rows' writes.
// Pure: the packing itself comes from the module that owns the shape.

import type { Row, TableDump } from '../rows';
import type { Change } from '../telemetry';
import type { DescribeWrite } from './commitCapture';

export interface Packing<Stored, Unpacked> {
  /** The table as stored, one record per write. */
  stored: string;
  /** The table as its readers know it, one row per unpacked row. */
  readAs: string;
  unpack(record: Stored): Unpacked[];
  /** Every stored record's rows, in the order a read of the unpacked table would give them (its key order). */
  unpackAll(records: readonly Stored[]): Unpacked[];
  keyOf(row: Unpacked): unknown;
}

/**
 * A packed record's write as the writes of its rows: a put, its rows' puts; a delete, a clear of the table
 * (it names records, not rows: the reader reads the table again). Any other table's write is left as it is.
 */
export function describePacked<Stored, Unpacked>(packing: Packing<Stored, Unpacked>): DescribeWrite {
  return (change) => {
    if (change.table !== packing.stored) return null;
    if (change.op !== 'put') return [{ table: packing.readAs, op: 'clear' }];
    return packing
      .unpack(change.row as unknown as Stored)
      .map((row): Change => ({ table: packing.readAs, op: 'put', key: packing.keyOf(row), row: row as Row }));
  };
}

/** A dump with the packed table's rows under the name its readers know, and no stored records. */
export function unpackDump<Stored, Unpacked>(dump: TableDump, packing: Packing<Stored, Unpacked>): TableDump {
  const { [packing.stored]: records, ...rest } = dump;
  if (!records) return dump;
  return { ...rest, [packing.readAs]: packing.unpackAll(records as unknown as Stored[]) as Row[] };
}
