// The end-state fingerprints of the event-sourced and CDC topologies, read
// straight from IndexedDB (whatever `dexie` gives: the page's, or
// fake-indexeddb in Node), so a browser run and a Node run hash the same way.

import { openBrokerDb, type DexieDeps } from '../broker/brokerDb';
import { dumpBroker } from '../broker/dump';
import { openConnectorDb } from '../cdc/legacy/connectorDb';
import { openListingsDb } from '../cdc/legacy/listingsDb';
import { openSearchDb } from '../cdc/legacy/searchProjection';
import { ES_STORE_NAMES } from '../eventsourcing/esTypes';
import { eventStoreDbName, openEventStoreDb } from '../eventsourcing/eventStore';
import { openQueryDb } from '../eventsourcing/queryHost';
import { dumpAll } from './dumpAll';
import { stateHash, tablesHash } from './stateHash';

/** Both event stores and the query service's read models and checkpoints. */
export async function esStateHash(runId: string, dexie: DexieDeps): Promise<string> {
  return tablesHash(
    await dumpAll({
      ...Object.fromEntries(
        ES_STORE_NAMES.map((s) => [s, openEventStoreDb(eventStoreDbName(runId, s), dexie)]),
      ),
      query: openQueryDb(runId, dexie),
    }),
  );
}

/** The listings table and its change log, the connector's position, the search model, and the broker's log. */
export async function cdcStateHash(runId: string, dexie: DexieDeps): Promise<string> {
  const brokerDb = openBrokerDb(runId, dexie);
  try {
    const broker = await dumpBroker(brokerDb, { partitions: [], groups: [], deadLetters: 0, paused: false });
    const services = await dumpAll({
      listings: openListingsDb(runId, dexie, { capture: false }),
      connector: openConnectorDb(runId, dexie),
      query: openSearchDb(runId, dexie),
    });
    return stateHash({ services, broker });
  } finally {
    brokerDb.close();
  }
}
