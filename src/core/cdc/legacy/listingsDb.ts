// The legacy listings service's database: its one business table and the
// change log. The service opens it with capture on (every write also writes a
// change row, in the same transaction); the connector opens the very same
// schema with capture off, because it only ever reads.

import { Dexie } from 'dexie';
import { withoutLiveQueries, type DexieDeps } from '../../broker/brokerDb';
import { commitCapture } from '../../service/commitCapture';
import type { Change } from '../../telemetry';
import { CHANGES_TABLE, changeLogTables } from '../changeEvent';
import { changeLog } from '../changeLog';

export const LISTINGS_SERVICE = 'listings';
export const LISTINGS_TABLE = 'listings';
/** The topic the connector publishes the listings table's changes to: `<service>.<table>`. */
export const LISTINGS_TOPIC = `${LISTINGS_SERVICE}.${LISTINGS_TABLE}`;

export function listingsDbName(runId: string): string {
  return `mpp-${runId}-${LISTINGS_SERVICE}`;
}

export type ListingsDbOptions =
  /** The connector's read-only view: no middleware. */
  | { capture: false }
  | {
      capture: true;
      now: () => number;
      newTxId: () => string;
      /** Hears each committed transaction's rows (the listing and its change rows), for the canvas. */
      onCommit?: (changes: Change[]) => void;
    };

export function openListingsDb(runId: string, dexie: DexieDeps, options: ListingsDbOptions): Dexie {
  const db = new Dexie(listingsDbName(runId), withoutLiveQueries(dexie));
  // One version for both openers: the connector must never upgrade the service's database under it.
  db.version(1).stores({ [LISTINGS_TABLE]: 'id', [CHANGES_TABLE]: changeLogTables });
  if (!options.capture) return db;
  // Registered first, so it sits below the change log and also sees the change rows that layer writes.
  if (options.onCommit) db.use(commitCapture(options.onCommit));
  db.use(
    changeLog({
      service: LISTINGS_SERVICE,
      tables: [LISTINGS_TABLE],
      now: options.now,
      newTxId: options.newTxId,
    }),
  );
  return db;
}
