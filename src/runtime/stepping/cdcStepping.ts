// The CDC topology's deterministic mode in the browser: CdcWorld over the
// page's broker, `listings`, `connector` and `query` workers, the writes that
// wait for their step, and the end-state fingerprint read from the page's
// IndexedDB.

import type { DeliverableCursor } from '../../core/broker/logReads';
import type { CdcStep, ConnectorPending } from '../../core/cdc/legacy/cdcSteps';
import { CdcWorld, type CdcSimProcess } from '../../core/sim/cdcWorld';
import { cdcStateHash } from '../../core/sim/topologyStateHashes';
import type { SteppingSpec } from './pageStepping';

/** The order processes come back in when several are down, as they start: see CdcConductor. */
const PROCESSES: readonly CdcSimProcess[] = ['broker', 'listings', 'connector', 'query'];

export const CDC_STEPPING: SteppingSpec<CdcSimProcess> = {
  // The scenario's `orders`: how many listing writes the run makes by itself.
  world: (page, scenario) =>
    new CdcWorld(
      {
        processes: PROCESSES,
        isUp: (p) => page.status(p) === 'running',
        restart: async (p) => {
          await page.restart(p);
          // A broker that came back has the search consumer rejoin within the same step, as in Node.
          if (p === 'broker' && page.status('query') === 'running') await page.call('query', 'run');
        },
        connectorPending: () => page.call<ConnectorPending>('connector', 'pending'),
        deliverable: () => page.call<DeliverableCursor[]>('broker', 'deliverable'),
        step: (p, step: CdcStep, at) => page.call<string>(p, 'step', step, at),
      },
      { writes: scenario.orders },
    ),
  commands: { listings: { write: 'write', writeMany: 'writeMany' } },
  stateHash: (runId) => cdcStateHash(runId, { indexedDB, IDBKeyRange }),
};
