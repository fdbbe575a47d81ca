// The event-sourced page's side panel: Replay the chosen aggregate, stage a
// Race, Read your writes, and the checker's Anomalies, after the Guide when
// the run tells a library scenario.

import type { PageTab } from '../page/PageSidePanel';
import { PageSidePanel } from '../page/PageSidePanel';
import { EsAnomaliesTab } from './EsAnomaliesTab';
import { useEs, useEsContext, useEsView } from './EsContext';
import type { EsTab } from './esStore';
import { RaceTab } from './RaceTab';
import { ReadYourWritesTab } from './ReadYourWritesTab';
import { ReplayTab } from './replay/ReplayTab';
import { HistoryPanel } from '../history/HistoryPanel';
import { useOpensHistoryTab } from '../history/historyViewStore';
import { useCallback } from 'react';

const TABS: PageTab<Exclude<EsTab, 'guide'>>[] = [
  { id: 'replay', label: 'Replay', render: () => <ReplayTab /> },
  { id: 'race', label: 'Race', render: () => <RaceTab /> },
  { id: 'ryw', label: 'Read your writes', render: () => <ReadYourWritesTab /> },
  { id: 'anomalies', label: 'Anomalies', render: () => <EsAnomaliesTab /> },
  { id: 'history', label: 'History', render: () => <HistoryPanel /> },
];

export function EsSidePanel() {
  const { guide } = useEsContext();
  const tab = useEsView((s) => s.tab);
  const setTab = useEsView((s) => s.setTab);
  const anomalies = useEs((s) => s.anomalies.length);
  useOpensHistoryTab(useCallback(() => setTab('history'), [setTab]));
  return (
    <PageSidePanel
      idPrefix="es"
      className="es-side"
      label="Event sourcing views"
      tabs={TABS}
      guide={guide}
      tab={tab}
      setTab={setTab}
      badges={{ anomalies }}
    />
  );
}
