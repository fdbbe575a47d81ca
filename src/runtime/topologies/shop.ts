// The shop: order, payment, inventory, shipping (and, for an orchestrated
// saga, the orchestrator) with their outboxes and inboxes, and the broker.

import type { TopologyModule } from './topologyModule';

export const shopTopology: TopologyModule<'shop'> = {
  topology: 'shop',
  libraryModeText: (scenario) =>
    scenario.mode === 'deterministic' ? 'opens in deterministic mode' : 'opens in live mode',
  guideModeText: (scenario) =>
    scenario.mode === 'deterministic'
      ? 'A deterministic run: nothing moves until a step is granted, so each step below shows the same thing every time.'
      : 'A live run: every service runs on its own, so timings differ from one showing to the next.',
  comparable: true,
  page: () => import('../../ui/pages/shopPage').then((m) => m.shopPage),
};
