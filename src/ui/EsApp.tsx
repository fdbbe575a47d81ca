// The page of an event-sourced run: a toolbar of commands, the three
// processes — orders and bank with their streams, query with its read models
// and their lag — and a side panel to replay an aggregate, stage a race, meet
// read-your-writes and see the checker's verdict — and, opened from the
// scenario library, a Guide that tells its story. It fills the one page
// shell; usePageRun owns the one subscription to the controller.

import type { EsController } from '../runtime/esController';
import { connectEs } from './es/connectEs';
import { EsContext, useEsContext } from './es/EsContext';
import { ES_CRASH_POINTS } from '../runtime/esController';
import { ForkFromHere, forkChoicesOf } from './history/timeline/ForkFromHere';
import { EsSidePanel } from './es/EsSidePanel';
import { createEsFactsStore, createEsViewStore, type EsFacts, type EsTab, type EsView } from './es/esStore';
import { EsToolbar } from './es/EsToolbar';
import { performEsAction } from './es/guide/esNarrativeActions';
import { ProcessArea } from './es/ProcessArea';
import { FactsErrorBanner } from './page/PageErrorBanner';
import { PageShell } from './page/PageShell';
import type { PageChrome } from '../runtime/topologies';
import { EsMoment } from './history/esPast';
import { Timeline } from './history/timeline/Timeline';
import { HistoryContext, historyContextOf } from './history/HistoryContext';
import { useMemo } from 'react';
import { usePageRun, type PageRunParts } from './page/usePageRun';
import './styles/theme.css';
import './styles/nodes.css';
import './styles/crash.css';
import './styles/tables.css';
import './styles/panels.css';
import './styles/sidepanel.css';
import './styles/runMode.css';
import './styles/history.css';
import './styles/setup.css';
import './styles/faults.css';
import './es/es.css';

const ES_PAGE: PageRunParts<EsController, EsFacts, EsView, Exclude<EsTab, 'guide'>> = {
  createFacts: () => createEsFactsStore(),
  createView: createEsViewStore,
  firstTab: 'replay',
  connect: (controller, facts) => connectEs(controller, facts),
  perform: performEsAction,
};

/** An event-sourced run forks with a crash of one of its processes at a point it reaches. */
function EsForkFromHere() {
  const { controller } = useEsContext();
  return <ForkFromHere choices={forkChoicesOf(controller, ES_CRASH_POINTS)} />;
}

export function EsApp({ controller, chrome = 'full' }: { controller: EsController; chrome?: PageChrome }) {
  const value = usePageRun(controller, ES_PAGE);
  const history = useMemo(() => historyContextOf(controller), [controller]);
  return (
    <EsContext.Provider value={value}>
      <HistoryContext.Provider value={history}>
        <PageShell
          className="es-app"
          workspaceClassName="es-workspace"
          toolbar={<EsToolbar />}
          banner={<FactsErrorBanner facts={value.facts} />}
          canvasRegion="process panels"
          canvas={
            <EsMoment>
              <ProcessArea />
            </EsMoment>
          }
          timeline={<Timeline fork={<EsForkFromHere />} />}
          present={chrome === 'present'}
          side={<EsSidePanel />}
        />
      </HistoryContext.Provider>
    </EsContext.Provider>
  );
}
