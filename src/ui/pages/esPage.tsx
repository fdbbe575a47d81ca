// The event-sourced run's page slot: its own processes, conductor and page.

import { startRun } from '../../runtime/boot';
import { esRun } from '../../runtime/es/esRun';
import type { TopologyPage } from '../../runtime/topologies';
import { EsApp } from '../EsApp';

export const esPage: TopologyPage = {
  open: async (location) => <EsApp controller={await startRun(location, esRun)} />,
};
