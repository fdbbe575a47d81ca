// The broker's database reports its committed transactions like a service's
// does, so the history can rebuild its log, topics and offsets at any moment:
// a full read after each (re)start, then every commit. Core: the database and
// the emitter come in as parameters.

import type { Dexie } from 'dexie';
import { commitCapture } from '../service/commitCapture';
import { dumpTables } from '../service/serviceDb';
import type { Fact } from '../telemetry';

/** Call before the database opens: from then on each committed transaction is reported (a range delete re-reads it all). */
export function reportBrokerCommits(db: Dexie, emit: (fact: Fact) => void): void {
  db.use(
    commitCapture((changes) => {
      if (!changes.length) return;
      emit({ kind: 'broker-commit', changes });
      if (changes.some((c) => c.op === 'clear')) void reportBrokerTables(db, emit);
    }),
  );
}

/** A full read of the broker's database (after a start, or a range delete). */
export async function reportBrokerTables(db: Dexie, emit: (fact: Fact) => void): Promise<void> {
  emit({ kind: 'broker-hydrate', tables: await dumpTables(db) });
}
