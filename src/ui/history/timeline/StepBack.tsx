// Step back in a deterministic run: the toolbar's way into the past. Each
// press shows the step before the one on show (the step before now, the
// first time); Step, while the past is on show, moves forward through it
// until it reaches now again. Both only move the page's moment: the run's own
// steps are kept as they were.

import { historyFeed } from '../historyFeed';
import { momentStore, useMoment } from '../momentStore';
import { timeOfStep } from './timelineModel';

function showStep(step: number, now: number): void {
  if (step >= now) momentStore.getState().backToNow();
  else momentStore.getState().view({ step, time: timeOfStep(historyFeed.getState().facts, step) });
}

/** Step, while a past step is on show: the next step of the past (or now). Null while showing now. */
export function usePastStep(now: number): (() => void) | null {
  const viewing = useMoment((s) => s.viewing);
  if (viewing?.step == null) return null;
  return () => showStep(viewing.step! + 1, now);
}

export function StepBackButton({ now }: { now: number }) {
  const viewing = useMoment((s) => s.viewing);
  const from = viewing?.step ?? now;
  return (
    <button
      type="button"
      className="btn"
      disabled={from <= 0}
      title={
        from <= 0
          ? 'This is the run’s first moment'
          : `Show step ${from - 1} as it was (the run is not changed)`
      }
      onClick={() => showStep(from - 1, now)}
    >
      ◀ Step back
    </button>
  );
}

/** Step, while the past is on show (see usePastStep): it moves the page's moment, never the run. */
export function StepThroughPastButton({ onClick }: { onClick: () => void }) {
  return (
    <button
      type="button"
      className="btn"
      title="Show the next step as it was (the past is on show)"
      onClick={onClick}
    >
      Step ▶
    </button>
  );
}
