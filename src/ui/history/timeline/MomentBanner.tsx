// The timeline's heading: where the page stands — "viewing the past · step N
// of M · time T", loud, with the one action back to now — or, at now, how
// much the history holds, its cap, and what it has forgotten under it.

import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HistoryStats } from '../../../runtime/historyReads';
import { historyFeed } from '../historyFeed';
import { secondsText } from '../momentLabel';
import { momentStore, type ViewedMoment } from '../momentStore';
import { momentWords } from './timelineModel';

interface MomentBannerProps {
  viewing: ViewedMoment | null;
  end: number;
  deterministic: boolean;
  facts: number;
  /** Beside the hint at now: what the page says of its canvas under load (LoadNotice). */
  notice?: ReactNode;
}

/** What the history keeps, said once it matters: its cap, and (past it) what it forgot and the rows it let go. */
export function capWords(stats: HistoryStats | null): string | null {
  if (!stats) return null;
  const cap = stats.cap.toLocaleString('en');
  if (!stats.forgotten) return `keeps the last ${cap}`;
  const from = stats.oldest === null ? '' : `; the timeline starts at ${secondsText(stats.oldest)} s`;
  const rows = stats.rowsLetGo
    ? `, of their rows at most the newest ${stats.rowBudget.toLocaleString('en')} (${stats.rowsLetGo.toLocaleString('en')} let go)`
    : '';
  return `keeps the last ${cap}: ${stats.forgotten.toLocaleString('en')} older ones forgotten${rows}${from}`;
}

/** What a past canvas lacks, said rather than hidden: null when it lacks nothing. */
export function pastGapWords(wholeFrom: number | null, rowsLetGo: number): string | null {
  if (wholeFrom !== null)
    return `The canvas is folded from ${secondsText(wholeFrom)} s on: what came before was forgotten before this page read it.`;
  if (rowsLetGo)
    return `Tables may lack up to ${rowsLetGo.toLocaleString('en')} rows written long before this moment: the history keeps the newest rows of what it forgot.`;
  return null;
}

export function MomentBanner({ viewing, end, deterministic, facts, notice }: MomentBannerProps) {
  const stats = useStore(historyFeed, (s) => s.stats);
  const wholeFrom = useStore(historyFeed, (s) => s.pastWholeFrom);
  const rowsLetGo = useStore(historyFeed, (s) => s.pastRowsLetGo);
  if (!viewing) {
    const cap = capWords(stats);
    return (
      <div className="timeline-head">
        <span className="timeline-now" data-testid="history-cap">
          Now{deterministic ? ` · step ${end}` : ''} · {facts.toLocaleString('en')} facts recorded
          {cap ? ` (${cap})` : ''}
        </span>
        <span className="timeline-hint">Drag the timeline, or focus it and use ← → to go back</span>
        {notice}
      </div>
    );
  }
  const partial = pastGapWords(wholeFrom, rowsLetGo);
  return (
    <div className="timeline-head timeline-head-past" role="status" data-testid="viewing-past">
      <strong>Viewing the past · {momentWords(viewing, end, deterministic)}</strong>
      <span className="timeline-hint" title={partial ?? undefined}>
        {partial ?? 'The run goes on; nothing is written while you look.'}
      </span>
      <button
        type="button"
        className="btn btn-small btn-primary"
        onClick={() => momentStore.getState().backToNow()}
      >
        Back to now
      </button>
    </div>
  );
}
