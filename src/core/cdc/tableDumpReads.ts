// Reading a service's change log and its log-tailing relay's position out of
// a table dump (what a snapshot holds): for the invariant checker, the
// scripting API and anyone else who has the dump and not the database. Pure.

import type { TableDump } from '../rows';
import { RELAY_POSITION_KEY } from '../service/metaKeys';
import { CHANGES_TABLE, toChangeRecord, type ChangeRecord, type ChangeRow } from './changeEvent';
import type { ConnectorPosition } from './positionStore';

export function changeRowsOf(dump: TableDump | undefined): ChangeRow[] {
  return ((dump?.[CHANGES_TABLE] ?? []) as unknown as ChangeRow[]).slice().sort((a, b) => a.seq! - b.seq!);
}

/** The log as Debezium would publish it: key plus envelope, oldest first. */
export function changeRecordsOf(dump: TableDump | undefined): ChangeRecord[] {
  return changeRowsOf(dump).map(toChangeRecord);
}

/**
 * Where the service's log-tailing relay stands: null when its relay polls (no stored position and an
 * empty log), 0 before the relay's first read.
 */
export function relayPositionOf(dump: TableDump | undefined): number | null {
  const stored = ((dump?.meta ?? []) as unknown as { key: string; value: ConnectorPosition }[]).find(
    (m) => m.key === RELAY_POSITION_KEY,
  );
  if (stored) return stored.value.seq;
  return changeRowsOf(dump).length ? 0 : null;
}
