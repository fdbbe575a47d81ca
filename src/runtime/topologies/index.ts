// The topology registry: every kind of run the playground has, one module
// each. Adding a topology means adding its module here; nothing else names it.

import type { Scenario, Topology } from '../../core/scenario/scenario';
import { cdcTopology } from './cdc';
import { eventSourcedTopology } from './eventSourced';
import { shopTopology } from './shop';
import type { TopologyModule } from './topologyModule';

export type { PageChrome, TopologyModule, TopologyPage } from './topologyModule';

export const TOPOLOGIES: { readonly [T in Topology]: TopologyModule<T> } = {
  shop: shopTopology,
  'event-sourced': eventSourcedTopology,
  cdc: cdcTopology,
};

/** The module of the topology a scenario runs. */
export function topologyOf(scenario: Pick<Scenario, 'topology'>): TopologyModule {
  return TOPOLOGIES[scenario.topology];
}
