// The CDC topology's deterministic mode in the browser: CdcWorld over the
// run's broker, `listings`, `connector` and `query` workers, the writes that
// wait for their step, and the end-state fingerprint read from the page's
// IndexedDB.

import type { DeliverableCursor } from '../../core/broker/logReads';
import type { CdcStep, ConnectorPending } from '../../core/cdc/legacy/cdcSteps';
import { CdcWorld, type CdcSimProcess } from '../../core/sim/cdcWorld';
import { cdcStateHash } from '../../core/sim/topologyStateHashes';
import type { SteppingSpec } from './steppingSpec';

/** The order processes come back in when several are down, as they start (see topologies/cdc.ts). */
const PROCESSES: readonly CdcSimProcess[] = ['broker', 'listings', 'connector', 'query'];

export const CDC_STEPPING: SteppingSpec<CdcSimProcess> = {
  // The scenario's `orders`: how many listing writes the run makes by itself.
  world: (run, context, scenario) =>
    new CdcWorld(
      {
        processes: PROCESSES,
        isUp: (p) => run.status(p) === 'running',
        restart: async (p, at) => {
          await context.restart(p, at);
          // A broker that came back has the search consumer rejoin within the same step, as in Node.
          if (p === 'broker' && run.status('query') === 'running') await run.call('query', 'run');
        },
        comesBackAt: (p) => context.comesBackAt(p as CdcSimProcess),
        connectorPending: () => run.call<ConnectorPending>('connector', 'pending'),
        deliverable: () => run.call<DeliverableCursor[]>('broker', 'deliverable'),
        step: (p, step: CdcStep, at) => run.call<string>(p, 'step', step, at),
      },
      { writes: scenario.orders, slowness: (group) => context.slowness(group) },
    ),
  commands: { listings: { write: 'write', writeMany: 'writeMany' } },
  stateHash: (runId) => cdcStateHash(runId, { indexedDB, IDBKeyRange }),
};
