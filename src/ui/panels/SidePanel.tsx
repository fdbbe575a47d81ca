// The side panel: tabs for the sagas, the run's setup (settings and business
// data), its fault plan, the invariant checker's anomalies and the event log —
// and first, when the run was opened from the scenario library, its guide.
// Each tab shows a count, so a stuck saga, a fault that fired or a broken
// invariant is visible from any tab.

import { useLayoutEffect, type KeyboardEvent, type ReactNode } from 'react';
import type { LibraryEntry } from '../../core/scenario/library';
import { FaultsPanel } from '../faults/FaultsPanel';
import { GuidePanel } from '../guide/GuidePanel';
import { GuideStrip } from '../guide/GuideStrip';
import { useGuideEntry, useGuideRunner } from '../guide/useGuide';
import { SagaPanel } from '../sagas/SagaPanel';
import { SetupPanel } from '../setup/SetupPanel';
import { usePlayground } from '../store/hooks';
import { stuckCount } from '../store/sagaSelectors';
import { useView, viewStore, type SideTab } from '../store/viewStore';
import { AnomaliesPanel } from './AnomaliesPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { EventLogPanel } from './EventLogPanel';
import { HistoryPanel } from '../history/HistoryPanel';
import { ShopMoment } from '../history/shopPast';
import { useOpensHistoryTab } from '../history/historyViewStore';

const TABS: { id: SideTab; label: string }[] = [
  { id: 'sagas', label: 'Sagas' },
  { id: 'setup', label: 'Setup' },
  { id: 'faults', label: 'Faults' },
  { id: 'anomalies', label: 'Anomalies' },
  { id: 'log', label: 'Log' },
  { id: 'history', label: 'History' },
];

const openHistoryTab = () => viewStore.getState().setTab('history');

const GUIDE_TAB = { id: 'guide', label: 'Guide' } as const;

const PANELS: Record<SideTab, { region: string; render: (entry: LibraryEntry | undefined) => ReactNode }> = {
  guide: { region: 'guide', render: (entry) => entry && <GuidePanel entry={entry} /> },
  sagas: {
    region: 'saga panel',
    render: () => (
      <ShopMoment>
        <SagaPanel />
      </ShopMoment>
    ),
  },
  setup: { region: 'setup panel', render: () => <SetupPanel /> },
  faults: { region: 'faults panel', render: () => <FaultsPanel /> },
  anomalies: { region: 'anomalies panel', render: () => <AnomaliesPanel /> },
  log: { region: 'event log', render: () => <EventLogPanel /> },
  history: { region: 'history', render: () => <HistoryPanel /> },
};

const BADGE_LABEL: Partial<Record<SideTab, string>> = { sagas: 'stuck', faults: 'fired', anomalies: 'found' };

function Badge({ tab }: { tab: SideTab }) {
  const stuck = usePlayground(stuckCount);
  const fired = usePlayground((s) => s.faultsFired.length);
  const anomalies = usePlayground((s) => s.anomalies.length);
  const counts: Partial<Record<SideTab, number>> = { sagas: stuck, faults: fired, anomalies };
  const n = counts[tab] ?? 0;
  if (n === 0) return null;
  // A fired fault is the plan working, not trouble: amber rather than red.
  return (
    <span
      className={tab === 'faults' ? 'tab-badge tab-badge-info' : 'tab-badge'}
      aria-label={`${n} ${BADGE_LABEL[tab]}`}
    >
      {n}
    </span>
  );
}

/** The folded panel: a rail that still shows what needs attention, and opens the panel again. */
function SideRail() {
  const setTab = useView((s) => s.setTab);
  const expand = useView((s) => s.setSideCollapsed);
  return (
    <aside className="side-panels side-rail" aria-label="Run status (folded)">
      <button
        type="button"
        className="btn btn-small"
        aria-label="Show the side panel"
        onClick={() => expand(false)}
      >
        «
      </button>
      {(['sagas', 'anomalies'] as const).map((t) => (
        <button
          key={t}
          type="button"
          className="rail-tab"
          aria-label={`Open ${t}`}
          title={`Open ${t}`}
          onClick={() => setTab(t)}
        >
          <span className="rail-label">{t === 'sagas' ? 'Sagas' : 'Anomalies'}</span>
          <Badge tab={t} />
        </button>
      ))}
    </aside>
  );
}

export function SidePanel() {
  const entry = useGuideEntry();
  // Mounted here, folded or not, so presenter mode's n / p run the steps too.
  useGuideRunner(entry);
  // A library scenario opens on its guide; before paint, so the Sagas tab never flashes. (Not setTab: it would unfold the panel.)
  useLayoutEffect(() => {
    if (entry) viewStore.setState({ tab: 'guide' });
  }, [entry]);
  const chosen = useView((s) => s.tab);
  const setTab = useView((s) => s.setTab);
  const collapsed = useView((s) => s.sideCollapsed);
  const collapse = useView((s) => s.setSideCollapsed);
  useOpensHistoryTab(openHistoryTab);
  if (collapsed) return <SideRail />;
  const tabs = entry ? [GUIDE_TAB, ...TABS] : TABS;
  const tab = chosen === 'guide' && !entry ? 'sagas' : chosen;
  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.findIndex((t) => t.id === tab) + step + tabs.length) % tabs.length].id;
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <aside className="side-panels" aria-label="Run status">
      <div
        className={entry ? 'side-tabs side-tabs-with-guide' : 'side-tabs'}
        role="tablist"
        aria-label="Side panel"
        onKeyDown={onKeyDown}
      >
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            className="side-tab"
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <Badge tab={t.id} />
          </button>
        ))}
        <button
          type="button"
          className="side-collapse"
          aria-label="Fold the side panel: the canvas takes the whole width"
          title="Fold the side panel: the canvas takes the whole width"
          onClick={() => collapse(true)}
        >
          »
        </button>
      </div>
      {entry && tab !== 'guide' && <GuideStrip entry={entry} />}
      <div className="side-body" role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        <ErrorBoundary key={tab} region={PANELS[tab].region}>
          {PANELS[tab].render(entry)}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
