// The side panel's tabs: the Guide of a library scenario (first, and only then),
// Replay the chosen aggregate, stage a Race, Read your writes, and the checker's Anomalies. Arrow keys move between tabs (WAI-ARIA
// tabs pattern); each tab renders inside its own error boundary.

import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { LibraryEntry } from '../../core/scenario/library';
import { GuidePanel } from '../guide/GuidePanel';
import { GuideStrip } from '../guide/GuideStrip';
import { ErrorBoundary } from '../panels/ErrorBoundary';
import { EsAnomaliesTab } from './EsAnomaliesTab';
import { useEs, useEsContext, useEsView } from './EsContext';
import type { EsTab } from './esStore';
import { RaceTab } from './RaceTab';
import { ReadYourWritesTab } from './ReadYourWritesTab';
import { ReplayTab } from './replay/ReplayTab';

interface TabDef {
  id: EsTab;
  label: string;
  render: () => ReactNode;
}

const TABS: TabDef[] = [
  { id: 'replay', label: 'Replay', render: () => <ReplayTab /> },
  { id: 'race', label: 'Race', render: () => <RaceTab /> },
  { id: 'ryw', label: 'Read your writes', render: () => <ReadYourWritesTab /> },
  { id: 'anomalies', label: 'Anomalies', render: () => <EsAnomaliesTab /> },
];

function Badge({ tab }: { tab: EsTab }) {
  const n = useEs((s) => (tab === 'anomalies' ? s.anomalies.length : 0));
  if (!n) return null;
  return (
    <span className="tab-badge" aria-label={`${n} found`}>
      {n}
    </span>
  );
}

function guideTab(entry: LibraryEntry): TabDef {
  return { id: 'guide', label: 'Guide', render: () => <GuidePanel entry={entry} /> };
}

export function EsSidePanel() {
  const { guide } = useEsContext();
  const tab = useEsView((s) => s.tab);
  const setTab = useEsView((s) => s.setTab);
  const tabs = useMemo(() => (guide ? [guideTab(guide), ...TABS] : TABS), [guide]);
  const current = tabs.find((t) => t.id === tab) ?? tabs[0];
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length].id;
    setTab(next);
    document.getElementById(`es-tab-${next}`)?.focus();
  };
  return (
    <aside className="side-panels es-side" aria-label="Event sourcing views">
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`es-tab-${t.id}`}
            type="button"
            role="tab"
            className="side-tab"
            aria-selected={t.id === current.id}
            aria-controls={`es-tabpanel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <Badge tab={t.id} />
          </button>
        ))}
      </div>
      {guide && current.id !== 'guide' && <GuideStrip entry={guide} openGuide={() => setTab('guide')} />}
      <div className="side-body" role="tabpanel" id={`es-tabpanel-${current.id}`} aria-labelledby={`es-tab-${current.id}`}>
        <ErrorBoundary key={current.id} region={`${current.label} tab`}>
          {current.render()}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
