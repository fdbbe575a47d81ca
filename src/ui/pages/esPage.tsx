// The event-sourced run's page slot: its processes' panels, toolbar and side tabs.

import type { EsController } from '../../runtime/esController';
import type { PageSlot } from '../../runtime/topologies';
import { EsApp } from '../EsApp';

export const esPage: PageSlot<EsController> = {
  render: (controller, chrome) => <EsApp controller={controller} chrome={chrome} />,
};
