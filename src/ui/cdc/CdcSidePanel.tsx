// The CDC page's side panel: the Envelope of one change and the checker's
// Anomalies, after the Guide when the run tells a library scenario.

import type { PageTab } from '../page/PageSidePanel';
import { PageSidePanel } from '../page/PageSidePanel';
import { CdcAnomaliesTab } from './CdcAnomaliesTab';
import { useCdc, useCdcContext, useCdcView } from './CdcContext';
import type { CdcTab } from './cdcStore';
import { EnvelopeTab } from './EnvelopeTab';

const TABS: PageTab<Exclude<CdcTab, 'guide'>>[] = [
  { id: 'envelope', label: 'Envelope', render: () => <EnvelopeTab /> },
  { id: 'anomalies', label: 'Anomalies', render: () => <CdcAnomaliesTab /> },
];

export function CdcSidePanel() {
  const { guide, view } = useCdcContext();
  const tab = useCdcView((s) => s.tab);
  const anomalies = useCdc((s) => s.anomalies.length);
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
