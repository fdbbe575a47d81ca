// The History tab of every page: the inspector, one order's message sequence
// and the charts over time, each reading the run's recorded facts as of the
// moment the page is looking at (momentStore).

import type { KeyboardEvent } from 'react';
import { ChartsView } from './charts/ChartsView';
import { InspectorView } from './inspector/InspectorView';
import { SequenceView } from './sequence/SequenceView';
import { historyView, useHistoryView, type HistoryView } from './historyViewStore';

const VIEWS: { id: HistoryView; label: string }[] = [
  { id: 'inspect', label: 'Inspector' },
  { id: 'sequence', label: 'Sequence' },
  { id: 'charts', label: 'Charts' },
];

export function HistoryPanel() {
  const view = useHistoryView((s) => s.view);
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.stopPropagation();
    const i = VIEWS.findIndex((v) => v.id === view);
    const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length].id;
    historyView.setState({ view: next });
    document.getElementById(`history-view-${next}`)?.focus();
  };
  return (
    <div className="history-panel">
      <div className="history-views" role="tablist" aria-label="History views" onKeyDown={onKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v.id}
            id={`history-view-${v.id}`}
            type="button"
            role="tab"
            className="history-view-tab"
            aria-selected={view === v.id}
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => historyView.setState({ view: v.id })}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-labelledby={`history-view-${view}`} className="history-view-body">
        {view === 'inspect' && <InspectorView />}
        {view === 'sequence' && <SequenceView />}
        {view === 'charts' && <ChartsView />}
      </div>
    </div>
  );
}
