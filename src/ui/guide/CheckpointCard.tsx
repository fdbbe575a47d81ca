// Predict, then watch: the guide's question before a key beat, as a radio group
// the step waits on; once answered, what the learner said while the beat runs;
// once revealed, which answer the run showed true (read off the checker, see
// reveal.ts), why, and the checker's words for the rows that prove it — which
// the canvas marks, and outlines while the reveal is on show.

import { useEffect, useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LibraryEntry } from '../../core/scenario/library';
import { revealStep, type Checkpoint } from '../../core/scenario/library/checkpoints';
import {
  checkpointOnShow,
  useNarrative,
  waitingCheckpoint,
  type CheckpointChoice,
  type Reveal,
} from '../store/narrativeStore';
import { choiceResult, type ChoiceResult } from './reveal';
import { openLink } from '../export/shareBase';
import { topologyOf } from '../../runtime/topologies';
import { checkpointHref, pageBase } from '../library/libraryLinks';
import '../styles/checkpoint.css';

const HEADLINE: Record<ChoiceResult, string> = {
  right: 'Right: the run showed it.',
  wrong: 'Not this time: the run showed another answer.',
  room: 'The run showed:',
};

/** While a reveal with proof is on show, the canvas outlines the rows the checker named (checkpoint.css). */
function useProofOutline(on: boolean) {
  useEffect(() => {
    if (!on) return;
    document.documentElement.dataset.proof = 'shown';
    return () => {
      delete document.documentElement.dataset.proof;
    };
  }, [on]);
}

function Ask({ index, checkpoint }: { index: number; checkpoint: Checkpoint }) {
  const [picked, setPicked] = useState<number | null>(null);
  const answer = useNarrative((s) => s.answer);
  const name = useId();
  return (
    <form
      className="checkpoint-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (picked !== null) answer(index, picked);
      }}
    >
      <fieldset className="checkpoint-answers">
        <legend className="checkpoint-legend">Your prediction</legend>
        {checkpoint.answers.map((a, i) => (
          <label key={i} className={picked === i ? 'checkpoint-answer picked' : 'checkpoint-answer'}>
            <input type="radio" name={name} value={i} checked={picked === i} onChange={() => setPicked(i)} />
            <span>{a.text}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="btn btn-primary" disabled={picked === null}>
        Lock in and run step {checkpoint.beforeStep + 1}
      </button>
    </form>
  );
}

function Shown({
  checkpoint,
  choice,
  reveal,
  marksRows,
}: {
  checkpoint: Checkpoint;
  choice: CheckpointChoice | undefined;
  reveal: Reveal;
  /** The page's canvas marks the rows the checker names (the topology says). */
  marksRows: boolean;
}) {
  useProofOutline(marksRows && reveal.ok && reveal.proof.length > 0);
  if (!reveal.ok)
    return (
      <p className="checkpoint-verdict checkpoint-unfit" role="alert" data-testid="checkpoint-verdict">
        This run fits none of the answers, so none is marked: {reveal.error}
      </p>
    );
  const result = choiceResult(choice, reveal.answer);
  const shown = checkpoint.answers[reveal.answer];
  return (
    <div
      className={`checkpoint-verdict checkpoint-${result}`}
      data-testid="checkpoint-verdict"
      data-result={result}
    >
      <p className="checkpoint-headline">
        <strong>{HEADLINE[result]}</strong> {shown.text}
      </p>
      <ul className="checkpoint-outcomes">
        {checkpoint.answers.map((a, i) => (
          <li key={i} className={i === reveal.answer ? 'held' : undefined}>
            <span className="checkpoint-mark" aria-hidden="true">
              {i === reveal.answer ? '✓' : '✗'}
            </span>{' '}
            {a.text}
            {choice === i && <span className="checkpoint-yours"> (your answer)</span>}
          </li>
        ))}
      </ul>
      <p className="checkpoint-why">{shown.why}</p>
      <div className="checkpoint-proof" data-testid="checkpoint-proof">
        {reveal.proof.length ? (
          <>
            <p className="checkpoint-proof-lead">
              {marksRows ? 'The checker, on the rows marked on the canvas:' : 'The checker found:'}
            </p>
            <ul>
              {reveal.proof.slice(0, 3).map((message, i) => (
                <li key={i}>{message}</li>
              ))}
              {reveal.proof.length > 3 && <li>and {reveal.proof.length - 3} more in the Anomalies tab</li>}
            </ul>
          </>
        ) : (
          <p className="checkpoint-proof-lead">The checker read every database and found nothing broken.</p>
        )}
      </div>
    </div>
  );
}

/** A link that opens this guide in a fresh run at this question: to share, or to ask it again. */
function QuestionLink({ entry, index }: { entry: LibraryEntry; index: number }) {
  const href = checkpointHref(pageBase(location), entry, index);
  return (
    <a
      className="checkpoint-link"
      href={href}
      onClick={(event) => {
        event.preventDefault();
        openLink(href, location);
      }}
    >
      Link to this question (a fresh run)
    </a>
  );
}

export function CheckpointCard({ entry }: { entry: LibraryEntry }) {
  const { onShow, waiting, answers, reveals, activity } = useNarrative(
    useShallow((s) => ({
      onShow: checkpointOnShow(s),
      waiting: waitingCheckpoint(s),
      answers: s.answers,
      reveals: s.reveals,
      activity: s.activity,
    })),
  );
  const checkpoint = onShow === null ? undefined : entry.checkpoints?.[onShow];
  if (onShow === null || !checkpoint) return null;
  const choice = answers[onShow];
  const reveal = reveals[onShow];
  return (
    <section className="checkpoint" aria-labelledby={`checkpoint-${onShow}`} data-testid="checkpoint">
      <p className="checkpoint-kicker">Predict, then watch</p>
      <h3 id={`checkpoint-${onShow}`} className="checkpoint-question">
        {checkpoint.question}
      </h3>
      <QuestionLink entry={entry} index={onShow} />
      {waiting === onShow ? (
        <Ask key={onShow} index={onShow} checkpoint={checkpoint} />
      ) : reveal ? (
        <Shown
          checkpoint={checkpoint}
          choice={choice}
          reveal={reveal}
          marksRows={topologyOf(entry.scenario).marksNamedRows}
        />
      ) : (
        <p className="checkpoint-pending">
          {choice === undefined || choice === 'room'
            ? ''
            : `Your answer: ${checkpoint.answers[choice].text} `}
          {activity
            ? 'Watch the canvas…'
            : `The answer shows once step ${revealStep(checkpoint) + 1} has run.`}
        </p>
      )}
    </section>
  );
}
