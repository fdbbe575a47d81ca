// The event-sourced run: `orders` and `bank` keep event stores (with
// snapshots), `query` projects their events into read models. Its run is
// es/EsConductor.ts; its page ui/EsApp.tsx.

import { esActionText } from '../../ui/guide/esActionText';
import { ES_CRASH_POINTS, ES_PROCESSES, type EsProcess } from '../../core/eventsourcing/esTypes';
import { spawnEsWorker } from '../es/esWorkers';
import type { RunFacts } from '../run/runFacts';
import { ES_STEPPING } from '../stepping/esStepping';
import { openRun } from './openRun';
import type { TopologyModule } from './topologyModule';

export const ES_FACTS: RunFacts<EsProcess> = {
  processes: ES_PROCESSES,
  // Every process starts at once: none needs another one up first.
  startOrder: [ES_PROCESSES],
  crashPoints: ES_CRASH_POINTS,
  spawn: spawnEsWorker,
  // The workers report appends and projections, not each start or crash: the watcher looks after those too. They
  // report no store whole as it starts, so only a run's own history (not a resumed one's) holds every event.
  watch: { quietWaitMs: 0, busyCheckEveryMs: 0, checkAfterLifecycle: true, busyFromHistory: 'fresh' },
  // Its steps are granted by the seeded scheduler over its sim world (src/runtime/stepping).
  steps: true,
  stepping: ES_STEPPING,
  // Its toolbar has Play, Step and Run to end: a deterministic run opens paused at step 0, like the shop's.
  opensPaused: true,
};

export const eventSourcedTopology: TopologyModule<'event-sourced'> = {
  topology: 'event-sourced',
  facts: () => ES_FACTS,
  libraryModeText: () => 'opens an event-sourced run',
  guideModeText: () =>
    'An event-sourced run: three real workers, each with its own IndexedDB, so timings differ from one showing to the next; the events do not.',
  actionText: esActionText,
  comparable: false,
  marksNamedRows: false,
  open: (location, chrome) =>
    openRun(
      location,
      chrome,
      () => import('../es/esRun').then((m) => m.esRun),
      () => import('../../ui/pages/esPage').then((m) => m.esPage),
    ),
};
