// The CDC run's page slot: the legacy listings service, the connector, the
// broker and a search read model.

import { startRun } from '../../runtime/boot';
import { cdcRun } from '../../runtime/cdc/cdcRun';
import type { TopologyPage } from '../../runtime/topologies';
import { CdcApp } from '../CdcApp';

export const cdcPage: TopologyPage = {
  open: async (location) => <CdcApp controller={await startRun(location, cdcRun)} />,
};
