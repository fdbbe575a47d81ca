// The change-data-capture run: a legacy `listings` service that publishes
// nothing, a `connector` tailing its change log, the broker, and a `query`
// service whose search read model is fed by the change events. Its run is
// cdc/CdcConductor.ts; its page ui/CdcApp.tsx.

import { cdcActionText } from '../../ui/guide/cdcActionText';
import { CDC_CRASH_POINTS } from '../../core/cdc/cdcTypes';
import type { CdcNode } from '../cdcController';
import { CDC_NODES } from '../cdc/cdcReads';
import { spawnCdcWorker } from '../cdc/cdcWorkers';
import type { RunFacts } from '../run/runFacts';
import { CDC_STEPPING } from '../stepping/cdcStepping';
import { openRun } from './openRun';
import type { TopologyModule } from './topologyModule';

export const CDC_FACTS: RunFacts<CdcNode> = {
  processes: CDC_NODES,
  // The broker first (the others talk to it), listings before the connector (its snapshot reads the seed rows).
  startOrder: [['broker'], ['listings'], ['connector', 'query']],
  // The broker has no crash points of this run's: a planned crash for it is not armed.
  crashPoints: CDC_CRASH_POINTS,
  broker: 'broker',
  spawn: spawnCdcWorker,
  // A crash changes what the checker would find (the connector may republish, say), yet no worker reports it.
  // Listings reports its commits, not its table as it starts: only a run's own history holds every row.
  watch: { quietWaitMs: 0, busyCheckEveryMs: 0, checkAfterLifecycle: true, busyFromHistory: 'fresh' },
  // Its steps are granted by the seeded scheduler over its sim world (src/runtime/stepping).
  steps: true,
  stepping: CDC_STEPPING,
  // Its toolbar has Play, Step and Run to end: a deterministic run opens paused at step 0, like the shop's.
  opensPaused: true,
};

export const cdcTopology: TopologyModule<'cdc'> = {
  topology: 'cdc',
  facts: () => CDC_FACTS,
  libraryModeText: () => 'opens a change-data-capture run',
  guideModeText: () =>
    'A change-data-capture run: four real workers, each with its own IndexedDB, so batch sizes and timings differ from one showing to the next; what reaches the read model does not.',
  actionText: cdcActionText,
  comparable: false,
  marksNamedRows: false,
  open: (location, chrome) =>
    openRun(
      location,
      chrome,
      () => import('../cdc/cdcRun').then((m) => m.cdcRun),
      () => import('../../ui/pages/cdcPage').then((m) => m.cdcPage),
    ),
};
