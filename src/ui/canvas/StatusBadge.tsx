// A process's status as a badge whose colour alone tells running from down,
// and the banner a crashed process shows in place of its crash controls.

import type { ReactNode } from 'react';
import type { ProcessState } from '../store/types';

const LABELS: Record<ProcessState['status'], string> = {
  starting: 'starting',
  running: 'running',
  crashed: 'CRASHED',
  restarting: 'restarting…',
};

export function StatusBadge({ state }: { state: ProcessState }) {
  return <span className={`status-badge status-${state.status}`}>{LABELS[state.status]}</span>;
}

/** Shown while a crash point is armed and the process has not reached it yet. */
export function ArmedBadge({ state }: { state: ProcessState }) {
  if (!state.armed || state.status !== 'running') return null;
  return (
    <span className="armed-badge" title={`Crashes at ${state.armed}`}>
      armed
    </span>
  );
}

/** Where a crashed process died, as "at <point>" or "by “Crash now”". */
export function crashedWhere(state: ProcessState): string {
  return `${crashVerb(state)} ${crashPlace(state)}`;
}

const crashVerb = (state: ProcessState) => (state.crashedAt === 'manual' ? 'by' : 'at');
const crashPlace = (state: ProcessState) =>
  state.crashedAt === 'manual' ? '“Crash now”' : (state.crashedAt ?? 'an unknown point');

/** In place of a crashed service's crash controls: where it died, and the way back. */
export function CrashedBanner({ state, children }: { state: ProcessState; children: ReactNode }) {
  return (
    <div className="crashed-banner" role="status">
      <div className="crashed-where">CRASHED {crashVerb(state)}</div>
      <div className="crashed-point">{crashPlace(state)}</div>
      <div className="crashed-actions">
        {children}
        {/* A compact node has room beside Restart for the short form only (canvasCompact.css picks one). */}
        <span className="crashed-hint" title="Its rows are kept in its IndexedDB database">
          <span className="crashed-hint-long">rows kept in IndexedDB</span>
          <span className="crashed-hint-short">rows kept</span>
        </span>
      </div>
    </div>
  );
}
