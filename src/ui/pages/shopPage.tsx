// The shop's page slot: starts the shop run the address names and renders
// the playground (full page, embed or presenter, as the address asks).

import { startRun } from '../../runtime/boot';
import { shopRun } from '../../runtime/shop/shopRun';
import type { TopologyPage } from '../../runtime/topologies';
import { App } from '../App';

export const shopPage: TopologyPage = {
  open: async (location, chrome) => <App controller={await startRun(location, shopRun)} chrome={chrome} />,
};
