// Presenter mode's caption under the canvas: what the guide's step on show says,
// so the room reads the story where it watches, not in a folded side panel.

import { libraryEntry } from '../../core/scenario/library';
import { useController } from '../controls/ControllerContext';
import { useNarrative } from '../store/narrativeStore';

export function NarrativeCaption() {
  const guide = useController().scenario().guide;
  const step = useNarrative((s) => (s.started ? s.step : null));
  const entry = guide ? libraryEntry(guide) : undefined;
  if (!entry) return null;
  const shown = step === null ? null : entry.narrative[step];
  return (
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
  );
}
