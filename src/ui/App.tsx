// The playground's shell: toolbar, live canvas, and the tabbed side panel (or,
// by the page's mode, the bare canvas of an embed or the presenter's layout).
// It owns the one subscription to the controller; everything else reads the store.

import { useEffect, useMemo } from 'react';
import { HistoryContext, historyContextOf } from './history/HistoryContext';
import type { Controller } from '../runtime/controller';
import { FlowCanvas } from './canvas/FlowCanvas';
import { LoadNotice } from './canvas/LoadNotice';
import { ShopMoment, ShopPastProvider } from './history/shopPast';
import { Timeline } from './history/timeline/Timeline';
import { ShopForkFromHere } from './history/timeline/ForkFromHere';
import { ControllerContext } from './controls/ControllerContext';
import { Toolbar } from './controls/Toolbar';
import { ErrorBanner } from './panels/ErrorBanner';
import { StartCard } from './start/StartCard';
import { PageShell } from './page/PageShell';
import { SidePanel } from './panels/SidePanel';
import { EmbedShell } from './present/EmbedShell';
import { drawsPast, type PageMode, type RunlessPage } from './present/pageMode';
import { PresenterShell } from './present/PresenterShell';
import { connectController } from './store/connect';
import { StoreContext } from './store/hooks';
import { playgroundStore, type PlaygroundStore } from './store/playgroundStore';
import { useView } from './store/viewStore';
import './styles/theme.css';
import './styles/nodes.css';
import './styles/crash.css';
import './styles/workshop.css';
import './styles/tables.css';
import './styles/broker.css';
import './styles/edges.css';
import './styles/panels.css';
import './styles/orchestrator.css';
import './styles/sidepanel.css';
import './styles/sagas.css';
import './styles/sagaChart.css';
import './styles/sagaEvents.css';
import './styles/setup.css';
import './styles/approach.css';
import './styles/faults.css';
import './styles/runMode.css';
import './styles/history.css';

export interface AppProps {
  controller: Controller;
  /** Defaults to the app's singleton store; tests and harnesses pass their own. */
  store?: PlaygroundStore;
  /** `embed`: the canvas alone; `present`: large type and keyboard control (src/ui/present). */
  chrome?: Exclude<PageMode, RunlessPage>;
}

function FullShell() {
  const folded = useView((s) => s.sideCollapsed);
  return (
    <PageShell
      workspaceClassName={folded ? 'side-folded' : undefined}
      toolbar={<Toolbar />}
      banner={
        <>
          <StartCard />
          <ErrorBanner />
        </>
      }
      canvasRegion="canvas"
      canvas={
        <ShopMoment>
          <FlowCanvas loadNotice={false} />
        </ShopMoment>
      }
      timeline={<Timeline fork={<ShopForkFromHere />} notice={<LoadNotice className="load-notice" />} />}
      side={<SidePanel />}
    />
  );
}

const SHELLS = { full: FullShell, embed: EmbedShell, present: PresenterShell } as const;

export function App({ controller, store = playgroundStore, chrome = 'full' }: AppProps) {
  useEffect(() => connectController(controller, store), [controller, store]);
  const Shell = SHELLS[chrome];
  const history = useMemo(() => historyContextOf(controller), [controller]);
  return (
    <StoreContext.Provider value={store}>
      <ControllerContext.Provider value={controller}>
        <HistoryContext.Provider value={history}>
          {drawsPast(chrome) ? (
            <ShopPastProvider>
              <Shell />
            </ShopPastProvider>
          ) : (
            <Shell />
          )}
        </HistoryContext.Provider>
      </ControllerContext.Provider>
    </StoreContext.Provider>
  );
}
