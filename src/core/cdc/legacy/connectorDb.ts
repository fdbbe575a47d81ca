// The CDC connector's own database: its position in each source's log (a
// persistent PositionStore) and its running totals, so both survive a kill.
// It holds nothing of the sources: those are only read, in their own databases.

import { Dexie } from 'dexie';
import { withoutLiveQueries, type DexieDeps } from '../../broker/brokerDb';
import type { ConnectorPosition, PositionStore } from '../positionStore';

export interface ConnectorTotals {
  published: number;
  duplicates: number;
  snapshotRows: number;
  warnings: number;
}

export const NO_TOTALS: Readonly<ConnectorTotals> = Object.freeze({
  published: 0,
  duplicates: 0,
  snapshotRows: 0,
  warnings: 0,
});

type PositionRow = ConnectorPosition & { service: string };
type TotalsRow = ConnectorTotals & { key: 'totals' };

export function connectorDbName(runId: string): string {
  return `mpp-${runId}-connector`;
}

export function openConnectorDb(runId: string, dexie: DexieDeps): Dexie {
  const db = new Dexie(connectorDbName(runId), withoutLiveQueries(dexie));
  db.version(1).stores({ positions: 'service', meta: 'key' });
  return db;
}

/** Positions kept in the connector's database: each put is its own committed transaction. */
export function dbPositionStore(db: Dexie): PositionStore {
  const table = db.table<PositionRow, string>('positions');
  return {
    async get(service) {
      const row = await table.get(service);
      if (!row) return undefined;
      const { service: _service, ...position } = row;
      return position;
    },
    put: async (service, position) => void (await table.put({ ...position, service })),
  };
}

export async function readTotals(db: Dexie): Promise<ConnectorTotals> {
  const row = await db.table<TotalsRow, string>('meta').get('totals');
  if (!row) return { ...NO_TOTALS };
  const { key: _key, ...totals } = row;
  return totals;
}

export async function writeTotals(db: Dexie, totals: ConnectorTotals): Promise<void> {
  await db.table<TotalsRow, string>('meta').put({ ...totals, key: 'totals' });
}
