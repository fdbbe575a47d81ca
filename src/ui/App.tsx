// The playground's shell: toolbar, live canvas, and the side panels. It owns
// the one subscription to the controller; everything else reads the store.

import { useEffect } from 'react';
import type { Controller } from '../runtime/controller';
import { FlowCanvas } from './canvas/FlowCanvas';
import { ControllerContext } from './controls/ControllerContext';
import { Toolbar } from './controls/Toolbar';
import { AnomaliesPanel } from './panels/AnomaliesPanel';
import { ErrorBanner } from './panels/ErrorBanner';
import { ErrorBoundary } from './panels/ErrorBoundary';
import { EventLogPanel } from './panels/EventLogPanel';
import { connectController } from './store/connect';
import { StoreContext } from './store/hooks';
import { playgroundStore, type PlaygroundStore } from './store/playgroundStore';
import './styles/theme.css';
import './styles/nodes.css';
import './styles/crash.css';
import './styles/tables.css';
import './styles/broker.css';
import './styles/edges.css';
import './styles/panels.css';

export interface AppProps {
  controller: Controller;
  /** Defaults to the app's singleton store; tests and harnesses pass their own. */
  store?: PlaygroundStore;
}

export function App({ controller, store = playgroundStore }: AppProps) {
  useEffect(() => connectController(controller, store), [controller, store]);
  return (
    <StoreContext.Provider value={store}>
      <ControllerContext.Provider value={controller}>
        <div className="app">
          <Toolbar />
          <ErrorBanner />
          <main className="workspace">
            <ErrorBoundary region="canvas">
              <FlowCanvas />
            </ErrorBoundary>
            <aside className="side-panels" aria-label="Run status">
              <ErrorBoundary region="anomalies panel">
                <AnomaliesPanel />
              </ErrorBoundary>
              <ErrorBoundary region="event log">
                <EventLogPanel />
              </ErrorBoundary>
            </aside>
          </main>
        </div>
      </ControllerContext.Provider>
    </StoreContext.Provider>
  );
}
