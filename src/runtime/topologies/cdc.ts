// The change-data-capture run: a legacy `listings` service that publishes
// nothing, a `connector` tailing its change log, the broker, and a `query`
// service whose search read model is fed by the change events.

import type { TopologyModule } from './topologyModule';

export const cdcTopology: TopologyModule<'cdc'> = {
  topology: 'cdc',
  libraryModeText: () => 'opens a change-data-capture run',
  guideModeText: () =>
    'A change-data-capture run: four real workers, each with its own IndexedDB, so batch sizes and timings differ from one showing to the next; what reaches the read model does not.',
  comparable: false,
  page: () => import('../../ui/pages/cdcPage').then((m) => m.cdcPage),
};
