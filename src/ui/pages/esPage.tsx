// The event-sourced run's page slot: its own processes, conductor and page.

import { startEsRun } from '../../runtime/es/bootEs';
import type { TopologyPage } from '../../runtime/topologies';
import { EsApp } from '../EsApp';

export const esPage: TopologyPage = {
  open: async (location) => <EsApp controller={await startEsRun(location)} />,
};
