// The shop's page slot: the playground (full page, embed or presenter, as the address asks).

import type { Controller } from '../../runtime/controller';
import type { PageSlot } from '../../runtime/topologies';
import { App } from '../App';

export const shopPage: PageSlot<Controller> = {
  render: (controller, chrome) => <App controller={controller} chrome={chrome} />,
};
