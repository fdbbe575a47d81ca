// The page of an event-sourced run (topology 'event-sourced'): a toolbar of
// commands, the three processes — orders and bank with their streams, query
// with its read models and their lag — and a side panel to replay an
// aggregate, stage a race, meet read-your-writes and see the checker's verdict
// — and, opened from the scenario library, a Guide that tells its story.
// It owns the one subscription to the controller; components read the stores.

import { useEffect, useMemo } from 'react';
import type { EsController } from '../runtime/esController';
import { connectEs } from './es/connectEs';
import { EsContext, type EsContextValue } from './es/EsContext';
import { EsErrorBanner } from './es/EsErrorBanner';
import { EsSidePanel } from './es/EsSidePanel';
import { createEsFactsStore, createEsViewStore } from './es/esStore';
import { EsToolbar } from './es/EsToolbar';
import { esGuideEntry, useEsGuideRunner } from './es/guide/useEsGuide';
import { ProcessArea } from './es/ProcessArea';
import { ErrorBoundary } from './panels/ErrorBoundary';
import './styles/theme.css';
import './styles/nodes.css';
import './styles/crash.css';
import './styles/tables.css';
import './styles/panels.css';
import './styles/sidepanel.css';
import './styles/runMode.css';
import './styles/setup.css';
import './styles/faults.css';
import './es/es.css';

export function EsApp({ controller }: { controller: EsController }) {
  // One pair of stores per controller: a new run starts with nothing chosen, on its guide if it has one.
  const value = useMemo<EsContextValue>(() => {
    const guide = esGuideEntry(controller.scenario());
    return {
      controller,
      facts: createEsFactsStore(),
      view: createEsViewStore(guide ? 'guide' : 'replay'),
      guide,
    };
  }, [controller]);
  useEffect(() => connectEs(value.controller, value.facts), [value]);
  useEsGuideRunner(value);
  return (
    <EsContext.Provider value={value}>
      <div className="app es-app">
        <EsToolbar />
        <EsErrorBanner />
        <main className="workspace es-workspace">
          <ErrorBoundary region="process panels">
            <ProcessArea />
          </ErrorBoundary>
          <EsSidePanel />
        </main>
      </div>
    </EsContext.Provider>
  );
}
