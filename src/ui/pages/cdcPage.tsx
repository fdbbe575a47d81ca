// The CDC run's page slot: the canvas of listings, connector, broker and
// search read model, its toolbar and side tabs.

import type { CdcController } from '../../runtime/cdcController';
import type { PageSlot } from '../../runtime/topologies';
import { CdcApp } from '../CdcApp';

export const cdcPage: PageSlot<CdcController> = {
  render: (controller, chrome) => <CdcApp controller={controller} chrome={chrome} />,
};
