// Where a workshop's browsers meet on the NATS server, apart from the run's
// JetStream streams (`<run>.<topic>.<partition>`): the heartbeats, the calls to
// each service's owner, and the bucket of claims. Pure naming.

import { natsToken } from '../broker/nats/natsNames';
import type { ServiceName } from '../rows';

export function workshopSubjects(runId: string) {
  const run = natsToken(runId);
  return {
    /** Every owner's heartbeat: who it is and how each of its services stands. */
    beat: `workshop.${run}.beat`,
    /** Calls to the browser that runs `service` (placing orders, its tables, its status). */
    calls: (service: ServiceName) => `workshop.${run}.call.${natsToken(service)}`,
    /** The JetStream key-value bucket whose key per service holds its owner's id. */
    claims: `workshop-${run}`,
  };
}
