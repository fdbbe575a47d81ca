// The event-sourced run: `orders` and `bank` keep event stores (with
// snapshots), `query` projects their events into read models.

import type { TopologyModule } from './topologyModule';

export const eventSourcedTopology: TopologyModule<'event-sourced'> = {
  topology: 'event-sourced',
  libraryModeText: () => 'opens an event-sourced run',
  guideModeText: () =>
    'An event-sourced run: three real workers, each with its own IndexedDB, so timings differ from one showing to the next; the events do not.',
  comparable: false,
  page: () => import('../../ui/pages/esPage').then((m) => m.esPage),
};
