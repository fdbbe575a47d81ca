// The broker's database reports its committed transactions like a service's
// does, so the history can rebuild its log, topics and offsets at any moment:
// a full read after each (re)start, then every commit. Core: the database and
// the emitter come in as parameters.
//
// The log is stored in batches (broker/logStore.ts), yet the facts speak of
// records, as they always did: a batch put is its records' `log` puts, a
// batch delete a `log` clear (re-read whole), and the full read's `log` holds
// the records — readers of the history never meet a batch.

import type { Dexie } from 'dexie';
import { LOG_PACKING } from '../broker/logStore';
import { commitCapture } from '../service/commitCapture';
import { describePacked, unpackDump } from '../service/packedTable';
import { dumpTables } from '../service/serviceDb';
import type { Fact } from '../telemetry';

/** Call before the database opens: from then on each committed transaction is reported (a range delete re-reads it all). */
export function reportBrokerCommits(db: Dexie, emit: (fact: Fact) => void): void {
  db.use(
    commitCapture((changes) => {
      if (!changes.length) return;
      emit({ kind: 'broker-commit', changes });
      if (changes.some((c) => c.op === 'clear')) void reportBrokerTables(db, emit);
    }, describePacked(LOG_PACKING)),
  );
}

/** A full read of the broker's database (after a start, or a range delete), its batches as `log` records. */
export async function reportBrokerTables(db: Dexie, emit: (fact: Fact) => void): Promise<void> {
  emit({ kind: 'broker-hydrate', tables: unpackDump(await dumpTables(db), LOG_PACKING) });
}
