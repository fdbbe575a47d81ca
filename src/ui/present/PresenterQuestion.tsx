// Presenter mode's checkpoint: while a question waits, it covers the canvas in
// large type for the room to vote on (the canvas has nothing new to show until
// the step runs); `v` reveals it, the step runs, and once the run has settled
// the caption under the canvas says which answer held and why (NarrativeCaption).

import { libraryEntry } from '../../core/scenario/library';
import { useController } from '../controls/ControllerContext';
import { useNarrative, waitingCheckpoint } from '../store/narrativeStore';

const LETTERS = ['A', 'B', 'C', 'D'];

export function PresenterQuestion() {
  const guide = useController().scenario().guide;
  const waiting = useNarrative(waitingCheckpoint);
  const entry = guide ? libraryEntry(guide) : undefined;
  const checkpoint = waiting === null ? undefined : entry?.checkpoints?.[waiting];
  if (!checkpoint) return null;
  return (
    <section
      className="present-question"
      aria-labelledby="present-question-text"
      data-testid="present-question"
    >
      <p className="present-question-kicker">Predict, then watch: what will the run show?</p>
      <h2 id="present-question-text" className="present-question-text">
        {checkpoint.question}
      </h2>
      <ol className="present-question-answers">
        {checkpoint.answers.map((a, i) => (
          <li key={i}>
            <span className="present-question-letter">{LETTERS[i]}</span> {a.text}
          </li>
        ))}
      </ol>
      <p className="present-question-hint">
        Vote, then press <kbd>v</kbd> to run step {checkpoint.beforeStep + 1} and reveal the answer.
      </p>
    </section>
  );
}
