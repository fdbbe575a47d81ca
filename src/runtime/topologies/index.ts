// The topology registry: every kind of run the playground has, one module
// each. Adding a topology means adding its module here; nothing else names it.

import type { Scenario, Topology } from '../../core/scenario/scenario';
import type { CdcPlaygroundApi } from '../cdc/cdcPlaygroundApi';
import type { EsPlaygroundApi } from '../es/esPlaygroundApi';
import type { PlaygroundApi } from '../playgroundApi';
import { cdcTopology } from './cdc';
import { eventSourcedTopology } from './eventSourced';
import { shopTopology } from './shop';
import type { TopologyModule } from './topologyModule';

export type { PageChrome, PageSlot, TopologyModule } from './topologyModule';

export const TOPOLOGIES: { readonly [T in Topology]: TopologyModule<T> } = {
  shop: shopTopology,
  'event-sourced': eventSourcedTopology,
  cdc: cdcTopology,
};

/** The module of the topology a scenario runs. */
export function topologyOf(scenario: Pick<Scenario, 'topology'>): TopologyModule {
  return TOPOLOGIES[scenario.topology];
}

/** What window.playground is in a run of each topology: the basics they share (RunApiBasics) and each one's own calls. */
interface TopologyApis {
  shop: PlaygroundApi;
  'event-sourced': EsPlaygroundApi;
  cdc: CdcPlaygroundApi;
}

/** window.playground: one API per run, told apart by `topology` (a missing or mistagged entry fails to compile). */
export type RunPlaygroundApi = { [T in Topology]: TopologyApis[T] & { readonly topology: T } }[Topology];

declare global {
  interface Window {
    playground?: RunPlaygroundApi;
  }
}
