// The CDC page's side panel: the Envelope of one change and the checker's
// Anomalies, after the Guide when the run tells a library scenario.

import type { PageTab } from '../page/PageSidePanel';
import { PageSidePanel } from '../page/PageSidePanel';
import { CdcAnomaliesTab } from './CdcAnomaliesTab';
import { useCdc, useCdcContext, useCdcView } from './CdcContext';
import type { CdcTab } from './cdcStore';
import { EnvelopeTab } from './EnvelopeTab';
import { HistoryPanel } from '../history/HistoryPanel';
import { useOpensHistoryTab } from '../history/historyViewStore';
import { useCallback } from 'react';

const TABS: PageTab<Exclude<CdcTab, 'guide'>>[] = [
  { id: 'envelope', label: 'Envelope', render: () => <EnvelopeTab /> },
  { id: 'anomalies', label: 'Anomalies', render: () => <CdcAnomaliesTab /> },
  { id: 'history', label: 'History', render: () => <HistoryPanel /> },
];

export function CdcSidePanel() {
  const { guide, view } = useCdcContext();
  const tab = useCdcView((s) => s.tab);
  const anomalies = useCdc((s) => s.anomalies.length);
  useOpensHistoryTab(useCallback(() => view.getState().setTab('history'), [view]));
  return (
    <PageSidePanel
      idPrefix="cdc"
      className="cdc-side"
      label="Change data capture views"
      tabs={TABS}
      guide={guide}
      tab={tab}
      setTab={(id) => view.getState().setTab(id)}
      badges={{ anomalies }}
    />
  );
}
