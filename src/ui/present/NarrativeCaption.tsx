// Presenter mode's caption under the canvas: what the guide's step on show says,
// so the room reads the story where it watches, not in a folded side panel —
// and, once a checkpoint's answer is revealed, which answer held and why.

import { libraryEntry } from '../../core/scenario/library';
import { revealStep } from '../../core/scenario/library/checkpoints';
import { useController } from '../controls/ControllerContext';
import { checkpointOnShow, useNarrative } from '../store/narrativeStore';

function RevealLine({ index }: { index: number }) {
  const guide = useController().scenario().guide;
  const reveal = useNarrative((s) => s.reveals[index]);
  const step = useNarrative((s) => s.step);
  const checkpoint = guide ? libraryEntry(guide)?.checkpoints?.[index] : undefined;
  if (!checkpoint || !reveal || step !== revealStep(checkpoint)) return null;
  if (!reveal.ok)
    return (
      <p className="present-reveal unfit" data-testid="present-reveal" role="alert">
        This run fits none of the answers: {reveal.error}
      </p>
    );
  const held = checkpoint.answers[reveal.answer];
  return (
    <p className="present-reveal" data-testid="present-reveal">
      <strong>
        ✓ {String.fromCharCode(65 + reveal.answer)}: {held.text}
      </strong>{' '}
      {held.why}
    </p>
  );
}

export function NarrativeCaption() {
  const guide = useController().scenario().guide;
  const step = useNarrative((s) => (s.started ? s.step : null));
  const onShow = useNarrative(checkpointOnShow);
  const entry = guide ? libraryEntry(guide) : undefined;
  if (!entry) return null;
  const shown = step === null ? null : entry.narrative[step];
  return (
    <div className="present-caption-area">
      {onShow !== null && <RevealLine index={onShow} />}
      <p className="present-caption" data-testid="narrative-caption" aria-live="polite">
        {shown ? (
          <>
            <span className="present-caption-step">
              {(step ?? 0) + 1} / {entry.narrative.length}
            </span>{' '}
            {shown.say}
          </>
        ) : (
          <>
            <span className="present-caption-step">{entry.title}</span> {entry.idea}
          </>
        )}
      </p>
    </div>
  );
}
