// The CDC run's page slot: the legacy listings service, the connector, the
// broker and a search read model.

import { startCdcRun } from '../../runtime/cdc/bootCdc';
import type { TopologyPage } from '../../runtime/topologies';
import { CdcApp } from '../CdcApp';

export const cdcPage: TopologyPage = {
  open: async (location) => <CdcApp controller={await startCdcRun(location)} />,
};
