// The shop's page slot: starts the shop run the address names and renders
// the playground (full page, embed or presenter, as the address asks).

import type { Controller } from '../../runtime/controller';
import { boot } from '../../runtime/boot';
import type { TopologyPage } from '../../runtime/topologies';
import { App } from '../App';
import { unavailableController } from '../unavailableController';

async function startShopRun(location: Location): Promise<Controller> {
  try {
    const { conductor, started } = await boot(location);
    // A failed start is already an error event the UI shows; this keeps the console honest too.
    started.catch((err: unknown) => console.error('The playground did not start', err));
    return conductor;
  } catch (err) {
    console.error('The playground could not be loaded', err);
    return unavailableController(err);
  }
}

export const shopPage: TopologyPage = {
  open: async (location, chrome) => <App controller={await startShopRun(location)} chrome={chrome} />,
};
