// The guide in one line above the other tabs, once the narrative has started:
// a step that opened the Faults or Anomalies tab still shows where the story
// is, and Next step goes on without going back to the Guide tab.

import { useShallow } from 'zustand/react/shallow';
import type { LibraryEntry } from '../../core/scenario/library';
import { useNarrative, waitingCheckpoint } from '../store/narrativeStore';
import { useView } from '../store/viewStore';

/** `openGuide`: how this page brings its Guide tab forward (the shop's view store when absent). */
export function GuideStrip({ entry, openGuide }: { entry: LibraryEntry; openGuide?: () => void }) {
  const { step, length, started, activity, error, asking, next } = useNarrative(
    useShallow((s) => ({
      asking: waitingCheckpoint(s) !== null,
      step: s.step,
      length: s.length,
      started: s.started,
      activity: s.activity,
      error: s.error,
      next: s.next,
    })),
  );
  const setTab = useView((s) => s.setTab);
  if (!started) return null;
  const busy = activity !== null;
  return (
    <div className="guide-strip" role="group" aria-label="Guide, in short">
      <p className="guide-strip-text">
        <strong>
          Step {step + 1} of {length}
        </strong>{' '}
        {entry.narrative[step]?.say}
      </p>
      <div className="guide-strip-actions">
        <span className="guide-progress">
          {busy
            ? 'running…'
            : error
              ? 'failed: see the Guide tab'
              : asking
                ? 'a question waits in the Guide tab'
                : ''}
        </span>
        <button type="button" className="link-button" onClick={openGuide ?? (() => setTab('guide'))}>
          Open the guide
        </button>
        {step < length - 1 && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy || asking}
            onClick={next}
          >
            Next step
          </button>
        )}
      </div>
    </div>
  );
}
