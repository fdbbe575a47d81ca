// The foot of the Guide tab, kept in view while the steps scroll: the
// verdict once the narrative is over, what runs now or what failed, and
// Start / Previous / Next step.

import { useShallow } from 'zustand/react/shallow';
import type { LibraryEntry } from '../../core/scenario/library';
import { InlineError } from '../faults/InlineError';
import { useNarrative } from '../store/narrativeStore';
import { compareVerdict } from './verdict';
import { CheckpointCard } from './CheckpointCard';
import { waitingCheckpoint } from '../store/narrativeStore';

function Verdict({ entry }: { entry: LibraryEntry }) {
  const verdict = useNarrative((s) => s.verdict);
  if (!verdict) return null;
  const summary = compareVerdict(verdict, entry.expect);
  const because = entry.expect.length ? 'the failure this scenario shows' : 'nothing is broken';
  return (
    <p
      className={summary.asExpected ? 'guide-verdict as-expected' : 'guide-verdict unexpected'}
      data-testid="guide-verdict"
    >
      <strong>{summary.text}</strong>
      {summary.asExpected && <span> — {because}.</span>}
    </p>
  );
}

function Failure() {
  const { error, retry } = useNarrative(useShallow((s) => ({ error: s.error, retry: s.retry })));
  if (!error) return null;
  return (
    <div className="guide-error">
      <InlineError message={error} />
      <button type="button" className="btn btn-small" onClick={retry}>
        Try this step again
      </button>
    </div>
  );
}

function Controls() {
  const { step, length, started, activity, asking, start, next, previous } = useNarrative(
    useShallow((s) => ({
      asking: waitingCheckpoint(s) !== null,
      step: s.step,
      length: s.length,
      started: s.started,
      activity: s.activity,
      start: s.start,
      next: s.next,
      previous: s.previous,
    })),
  );
  const busy = activity !== null;
  return (
    <div className="guide-controls">
      <div className="guide-where">
        <span className="guide-counter">{started ? `Step ${step + 1} of ${length}` : `${length} steps`}</span>
        <span className="guide-progress" role="status">
          {activity === 'action'
            ? 'running…'
            : activity === 'check'
              ? 'checking the result…'
              : asking
                ? 'answer the question to run this step'
                : ''}
        </span>
      </div>
      {started ? (
        <>
          <button type="button" className="btn" disabled={busy || step === 0} onClick={previous}>
            Previous
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || asking || step >= length - 1}
            onClick={next}
          >
            Next step
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-primary" onClick={start}>
          Start
        </button>
      )}
    </div>
  );
}

export function GuideFooter({ entry }: { entry: LibraryEntry }) {
  return (
    <div className="guide-foot">
      <CheckpointCard entry={entry} />
      <Verdict entry={entry} />
      <Failure />
      <Controls />
    </div>
  );
}
