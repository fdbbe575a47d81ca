// The page of a change-data-capture run: a toolbar of writes to the legacy
// table, the canvas — listings with its change log, the connector, the
// broker, the query service's search read model — and a side panel with one
// change's envelope, the checker's verdict and, opened from the scenario
// library, a Guide that tells its story. It fills the one page shell;
// usePageRun owns the one subscription to the controller.

import type { CdcController } from '../runtime/cdcController';
import { CdcCanvas } from './cdc/CdcCanvas';
import { CdcContext, useCdcContext } from './cdc/CdcContext';
import { CDC_CRASH_POINTS } from '../runtime/cdcController';
import { ForkFromHere, forkChoicesOf } from './history/timeline/ForkFromHere';
import { CdcSidePanel } from './cdc/CdcSidePanel';
import {
  createCdcFactsStore,
  createCdcViewStore,
  type CdcFacts,
  type CdcTab,
  type CdcView,
} from './cdc/cdcStore';
import { CdcToolbar } from './cdc/CdcToolbar';
import { connectCdc } from './cdc/connectCdc';
import { performCdcAction } from './cdc/guide/cdcNarrativeActions';
import { FactsErrorBanner } from './page/PageErrorBanner';
import { PageShell } from './page/PageShell';
import type { PageChrome } from '../runtime/topologies';
import { CdcMoment } from './history/cdcPast';
import { Timeline } from './history/timeline/Timeline';
import { HistoryContext, historyContextOf } from './history/HistoryContext';
import { useMemo } from 'react';
import { usePageRun, type PageRunParts } from './page/usePageRun';
import './styles/theme.css';
import './styles/nodes.css';
import './styles/crash.css';
import './styles/tables.css';
import './styles/edges.css';
import './styles/panels.css';
import './styles/sidepanel.css';
import './styles/runMode.css';
import './styles/setup.css';
import './styles/faults.css';
import './styles/history.css';
import './es/es.css';
import './cdc/cdc.css';

const CDC_PAGE: PageRunParts<CdcController, CdcFacts, CdcView, Exclude<CdcTab, 'guide'>> = {
  createFacts: () => createCdcFactsStore(),
  createView: createCdcViewStore,
  firstTab: 'envelope',
  connect: (controller, facts) => connectCdc(controller, facts),
  perform: performCdcAction,
};

/** A CDC run forks with a crash of one of its workers at a point it reaches. */
function CdcForkFromHere() {
  const { controller } = useCdcContext();
  return <ForkFromHere choices={forkChoicesOf(controller, CDC_CRASH_POINTS)} />;
}

export function CdcApp({ controller, chrome = 'full' }: { controller: CdcController; chrome?: PageChrome }) {
  const value = usePageRun(controller, CDC_PAGE);
  const history = useMemo(() => historyContextOf(controller), [controller]);
  return (
    <CdcContext.Provider value={value}>
      <HistoryContext.Provider value={history}>
        <PageShell
          className="es-app cdc-app"
          workspaceClassName="es-workspace cdc-workspace"
          toolbar={<CdcToolbar />}
          banner={<FactsErrorBanner facts={value.facts} />}
          canvasRegion="canvas"
          canvas={
            <CdcMoment>
              <CdcCanvas />
            </CdcMoment>
          }
          timeline={<Timeline fork={<CdcForkFromHere />} />}
          present={chrome === 'present'}
          side={<CdcSidePanel />}
        />
      </HistoryContext.Provider>
    </CdcContext.Provider>
  );
}
