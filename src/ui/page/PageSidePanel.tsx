// The side panel of a page run by its own controller (CDC, event-sourced):
// the Guide of a library scenario (first, and only then), then the page's own
// tabs. Arrow keys move between tabs (WAI-ARIA tabs pattern); each tab renders
// inside its own error boundary.

import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { LibraryEntry } from '../../core/scenario/library';
import { GuidePanel } from '../guide/GuidePanel';
import { GuideStrip } from '../guide/GuideStrip';
import { ErrorBoundary } from '../panels/ErrorBoundary';

export interface PageTab<T extends string> {
  id: T;
  label: string;
  render: () => ReactNode;
}

interface PageSidePanelProps<T extends string> {
  /** Starts the tabs' and panels' element ids (`cdc` → `cdc-tab-envelope`): unique per page. */
  idPrefix: string;
  className: string;
  label: string;
  /** The page's own tabs; module-level, so the list is not rebuilt each render. */
  tabs: readonly PageTab<T>[];
  guide?: LibraryEntry;
  tab: T | 'guide';
  setTab: (id: T | 'guide') => void;
  /** A count to show on a tab (anomalies found, say); none or 0 shows nothing. */
  badges?: Partial<Record<T | 'guide', number>>;
}

const guideTab = (entry: LibraryEntry): PageTab<'guide'> => ({
  id: 'guide',
  label: 'Guide',
  render: () => <GuidePanel entry={entry} />,
});

function Badge({ n }: { n: number | undefined }) {
  if (!n) return null;
  return (
    <span className="tab-badge" aria-label={`${n} found`}>
      {n}
    </span>
  );
}

export function PageSidePanel<T extends string>({
  idPrefix,
  className,
  label,
  tabs: own,
  guide,
  tab,
  setTab,
  badges = {},
}: PageSidePanelProps<T>) {
  const tabs = useMemo<readonly PageTab<T | 'guide'>[]>(
    () => (guide ? [guideTab(guide), ...own] : own),
    [guide, own],
  );
  const current = tabs.find((t) => t.id === tab) ?? tabs[0];
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(tabs.indexOf(current) + step + tabs.length) % tabs.length].id;
    setTab(next);
    document.getElementById(`${idPrefix}-tab-${next}`)?.focus();
  };
  return (
    <aside className={`side-panels ${className}`} aria-label={label}>
      <div className="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`${idPrefix}-tab-${t.id}`}
            type="button"
            role="tab"
            className="side-tab"
            aria-selected={t.id === current.id}
            aria-controls={`${idPrefix}-tabpanel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <Badge n={badges[t.id]} />
          </button>
        ))}
      </div>
      {guide && current.id !== 'guide' && <GuideStrip entry={guide} openGuide={() => setTab('guide')} />}
      <div
        className="side-body"
        role="tabpanel"
        id={`${idPrefix}-tabpanel-${current.id}`}
        aria-labelledby={`${idPrefix}-tab-${current.id}`}
      >
        <ErrorBoundary key={current.id} region={`${current.label} tab`}>
          {current.render()}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
