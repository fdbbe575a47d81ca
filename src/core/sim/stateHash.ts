// A fingerprint of a run's end state: every service's tables and the broker's
// durable log, offsets and dead letters. The broker's live view (members,
// in-flight counts) is left out: it is memory, not state.

import { canonicalJson, fingerprint } from '../hash';
import type { TableDump } from '../rows';
import type { BrokerDump } from '../broker/dump';

export function stateHash(snapshot: {
  services: Record<string, TableDump | undefined>;
  broker: BrokerDump;
}): string {
  const { live: _live, ...durable } = snapshot.broker;
  void _live;
  return fingerprint(canonicalJson({ services: snapshot.services, broker: durable }));
}

/** A fingerprint of named databases' tables: the end state of a topology without a broker log of its own. */
export function tablesHash(databases: Record<string, TableDump | undefined>): string {
  return fingerprint(canonicalJson(databases));
}
