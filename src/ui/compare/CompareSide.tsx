// One side of the comparison: its name, its run in a frame (the canvas alone),
// and beneath it that run's anomalies — or, for a bad link, why it is not shown.

import type { RefObject } from 'react';
import { libraryEntry } from '../../core/scenario/library';
import type { CompareSide as Side } from './compareUrl';
import type { PaneState } from './useFramePane';
import { IdText } from '../ids/IdText';

const SHOWN = 4;

function Anomalies({ state }: { state: PaneState }) {
  if (state.phase === 'loading') return <p className="compare-note">Starting…</p>;
  if (state.phase === 'failed')
    return (
      <p className="compare-note compare-failed" role="alert">
        {state.message}
      </p>
    );
  const extra = state.anomalies.length - SHOWN;
  return (
    <>
      {state.anomalies.length === 0 ? (
        <p className="compare-clean">no anomalies</p>
      ) : (
        <ul className="compare-anomalies">
          {state.anomalies.slice(0, SHOWN).map((a, i) => (
            <li key={i}>
              <code>{a.invariant}</code> <IdText text={a.message} />
            </li>
          ))}
          {extra > 0 && <li className="compare-more">and {extra} more</li>}
        </ul>
      )}
      {state.message && <p className="compare-note compare-failed">{state.message}</p>}
    </>
  );
}

/** The library story a side was opened from (its link names it as its guide): its idea, and its steps on demand. */
function Story({ guide }: { guide: string }) {
  const entry = guide ? libraryEntry(guide) : undefined;
  if (!entry) return null;
  return (
    <details className="compare-story" data-testid="compare-story">
      <summary>
        <strong>{entry.title}</strong> — {entry.idea}
      </summary>
      <ol>
        {entry.narrative.map((step, i) => (
          <li key={i}>
            {step.say} <span className="compare-watch">Watch: {step.watch}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function progress(state: PaneState): string | null {
  if (state.phase !== 'ready') return null;
  if (state.steps === null) return 'live run';
  return state.done ? `step ${state.steps} · at its end` : `step ${state.steps}`;
}

interface Props {
  side: Side;
  letter: string;
  label: string | null;
  generation: number;
  frame: RefObject<HTMLIFrameElement | null>;
  state: PaneState;
  /** The compare page on a projector shows one side at a time: the other stays loaded, out of sight. */
  offstage?: boolean;
}

export function CompareSide({ side, letter, label, generation, frame, state, offstage = false }: Props) {
  const title = label ? `${letter}: ${label}` : letter;
  return (
    <section
      className={offstage ? 'compare-side compare-offstage' : 'compare-side'}
      id={`compare-side-${side.key}`}
      aria-label={`Side ${title}`}
      aria-hidden={offstage || undefined}
      data-testid={`compare-${side.key}`}
    >
      <header className="compare-side-head">
        <span className="compare-letter">{letter}</span>
        <h2 className="compare-label" title={label ?? undefined}>
          {label ?? 'bad link'}
        </h2>
        <span className="compare-progress">{progress(state)}</span>
      </header>
      {side.ok ? (
        <>
          <Story guide={side.scenario.guide} />
          <iframe
            key={generation}
            ref={frame}
            className="compare-frame"
            src={side.src}
            title={`Run ${title}`}
          />
          <div className="compare-result" aria-live="polite" aria-label={`Anomalies of ${letter}`}>
            <Anomalies state={state} />
          </div>
        </>
      ) : (
        <div className="compare-invalid" role="alert">
          <strong>
            Side {letter} (<code>{side.key}=</code>) could not be opened:
          </strong>{' '}
          {side.error}
        </div>
      )}
    </section>
  );
}
