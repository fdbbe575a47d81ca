// The side panel's tabs: the Guide of a library scenario (first, and only
// then), the Envelope of one change, and the checker's Anomalies. Arrow keys
// move between tabs (WAI-ARIA tabs pattern); each tab renders inside its own error boundary.

import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { LibraryEntry } from '../../core/scenario/library';
import { GuidePanel } from '../guide/GuidePanel';
import { GuideStrip } from '../guide/GuideStrip';
import { ErrorBoundary } from '../panels/ErrorBoundary';
import { CdcAnomaliesTab } from './CdcAnomaliesTab';
import { useCdc, useCdcContext, useCdcView } from './CdcContext';
import type { CdcTab } from './cdcStore';
import { EnvelopeTab } from './EnvelopeTab';

interface TabDef {
  id: CdcTab;
  label: string;
  render: () => ReactNode;
}

const TABS: TabDef[] = [
  { id: 'envelope', label: 'Envelope', render: () => <EnvelopeTab /> },
  { id: 'anomalies', label: 'Anomalies', render: () => <CdcAnomaliesTab /> },
];

function Badge({ tab }: { tab: CdcTab }) {
  const n = useCdc((s) => (tab === 'anomalies' ? s.anomalies.length : 0));
  if (!n) return null;
  return (
    <span className="tab-badge" aria-label={`${n} found`}>
      {n}
    </span>
  );
}

const guideTab = (entry: LibraryEntry): TabDef => ({
  id: 'guide',
  label: 'Guide',
  render: () => <GuidePanel entry={entry} />,
});

export function CdcSidePanel() {
  const { guide, view } = useCdcContext();
  const tab = useCdcView((s) => s.tab);
  const tabs = useMemo(() => (guide ? [guideTab(guide), ...TABS] : TABS), [guide]);
  const current = tabs.find((t) => t.id === tab) ?? tabs[0];
  const setTab = (id: CdcTab) => view.getState().setTab(id);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length].id;
    setTab(next);
    document.getElementById(`cdc-tab-${next}`)?.focus();
  };
  return (
    <aside className="side-panels cdc-side" aria-label="Change data capture views">
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`cdc-tab-${t.id}`}
            type="button"
            role="tab"
            className="side-tab"
            aria-selected={t.id === current.id}
            aria-controls={`cdc-tabpanel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <Badge tab={t.id} />
          </button>
        ))}
      </div>
      {guide && current.id !== 'guide' && <GuideStrip entry={guide} openGuide={() => setTab('guide')} />}
      <div
        className="side-body"
        role="tabpanel"
        id={`cdc-tabpanel-${current.id}`}
        aria-labelledby={`cdc-tab-${current.id}`}
      >
        <ErrorBoundary key={current.id} region={`${current.label} tab`}>
          {current.render()}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
