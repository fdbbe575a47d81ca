// The timeline's heading: where the page stands — "viewing the past · step N
// of M · time T", loud, with the one action back to now — or, at now, how
// much the history holds.

import { momentStore, type ViewedMoment } from '../momentStore';
import { momentWords } from './timelineModel';

interface MomentBannerProps {
  viewing: ViewedMoment | null;
  end: number;
  deterministic: boolean;
  facts: number;
}

export function MomentBanner({ viewing, end, deterministic, facts }: MomentBannerProps) {
  if (!viewing)
    return (
      <div className="timeline-head">
        <span className="timeline-now">
          Now{deterministic ? ` · step ${end}` : ''} · {facts.toLocaleString('en')} facts recorded
        </span>
        <span className="timeline-hint">Drag the timeline, or focus it and use ← → to go back</span>
      </div>
    );
  return (
    <div className="timeline-head timeline-head-past" role="status" data-testid="viewing-past">
      <strong>Viewing the past · {momentWords(viewing, end, deterministic)}</strong>
      <span className="timeline-hint">The run goes on; nothing is written while you look.</span>
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
