// Which tables each service owns and how their rows are keyed. The mirror and
// the canvas share this so a row is always found under the key its database uses.

import type { ServiceName } from '../../core/rows';

export const PRIMARY_KEYS: Record<string, string> = {
  orders: 'id',
  payments: 'id',
  stock: 'sku',
  reservations: 'id',
  shipments: 'id',
  customers: 'id',
  regions: 'id',
  // Payment's gateway and inventory's warehouse knobs, one row per key.
  settings: 'key',
  sagas: 'id',
  // Two-phase commit: the coordinator's log, and each participant's promises, locks and waiting prepares.
  twopc: 'txId',
  prepared: 'txId',
  locks: 'resource',
  lockWaits: 'txId',
  // A saga participant's semantic locks: one per compensated step of an order.
  semantic_locks: 'key',
  outbox: 'seq',
  // The change log a log-tailing relay reads.
  changes: 'seq',
  inbox: 'message_id',
  meta: 'key',
};

/** Tables a table dump may hold that no primary key above names are keyed by `id`. */
export const FALLBACK_KEY = 'id';

/** Keyed by service name; a service not listed (say, a newly added one) shows no business table. */
export const BUSINESS_TABLES: Readonly<Record<string, string[]>> = {
  order: ['orders'],
  payment: ['payments'],
  inventory: ['stock', 'reservations'],
  shipping: ['shipments'],
  orchestrator: ['sagas'],
};

export function businessTablesOf(service: ServiceName): string[] {
  return BUSINESS_TABLES[service] ?? [];
}

export const COMMON_TABLES = ['outbox', 'inbox', 'meta'];

/** The meta row that holds a service's durable count of skipped duplicates. */
export const DUPLICATES_META_KEY = 'duplicatesSkipped';

export function primaryKeyOf(table: string): string {
  return PRIMARY_KEYS[table] ?? FALLBACK_KEY;
}
