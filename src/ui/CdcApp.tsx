// The page of a change-data-capture run (topology 'cdc'): a toolbar of writes
// to the legacy table, the canvas — listings with its change log, the
// connector, the broker, the query service's search read model — and a side
// panel with one change's envelope, the checker's verdict and, opened from
// the scenario library, a Guide that tells its story.
// It owns the one subscription to the controller; components read the stores.

import { useEffect, useMemo } from 'react';
import type { CdcController } from '../runtime/cdcController';
import { CdcCanvas } from './cdc/CdcCanvas';
import { CdcContext, type CdcContextValue } from './cdc/CdcContext';
import { CdcErrorBanner } from './cdc/CdcErrorBanner';
import { CdcSidePanel } from './cdc/CdcSidePanel';
import { createCdcFactsStore, createCdcViewStore } from './cdc/cdcStore';
import { CdcToolbar } from './cdc/CdcToolbar';
import { connectCdc } from './cdc/connectCdc';
import { cdcGuideEntry, useCdcGuideRunner } from './cdc/guide/useCdcGuide';
import { ErrorBoundary } from './panels/ErrorBoundary';
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
import './es/es.css';
import './cdc/cdc.css';

export function CdcApp({ controller }: { controller: CdcController }) {
  // One pair of stores per controller: a new run starts with nothing chosen, on its guide if it has one.
  const value = useMemo<CdcContextValue>(() => {
    const guide = cdcGuideEntry(controller.scenario());
    return {
      controller,
      facts: createCdcFactsStore(),
      view: createCdcViewStore(guide ? 'guide' : 'envelope'),
      guide,
    };
  }, [controller]);
  useEffect(() => connectCdc(value.controller, value.facts), [value]);
  useCdcGuideRunner(value);
  return (
    <CdcContext.Provider value={value}>
      <div className="app es-app cdc-app">
        <CdcToolbar />
        <CdcErrorBanner />
        <main className="workspace es-workspace cdc-workspace">
          <ErrorBoundary region="canvas">
            <CdcCanvas />
          </ErrorBoundary>
          <CdcSidePanel />
        </main>
      </div>
    </CdcContext.Provider>
  );
}
