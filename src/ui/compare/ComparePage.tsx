// `?compare=1&a=…&b=…`: two runs side by side, each in its own frame (its own
// workers and databases), driven together by the buttons here. This page
// starts no conductor of its own: main.tsx renders it instead of booting.

import { useEffect, useMemo, useState } from 'react';
import { approachLabel, compareLabels, differsWithForks, forkNote, sharedSummary } from './compareLabels';
import { parseCompare } from './compareUrl';
import { CompareSide } from './CompareSide';
import { useFramePane, type PaneCommand, type PaneState } from './useFramePane';
import { flagOn } from '../present/pageMode';
import '../styles/theme.css';
import '../styles/compare.css';

/** A side's outcome in a word or two, for its tab. */
function resultWord(state: PaneState): string {
  if (state.phase !== 'ready') return state.phase === 'failed' ? 'failed' : 'starting';
  const n = state.anomalies.length;
  return n === 0 ? 'no anomalies' : `${n} ${n === 1 ? 'anomaly' : 'anomalies'}`;
}

export function ComparePage({ search }: { search: string }) {
  const sides = useMemo(() => parseCompare(search), [search]);
  // On a projector (`&present=1`) two canvases side by side are too small to read: one side is on show at a
  // time, in projector type, and the tabs (or the keys a and b) switch. Both runs stay loaded and driven together.
  const present = useMemo(() => flagOn(new URLSearchParams(search), 'present'), [search]);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (!present) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'a' || event.key === 'ArrowLeft') setShown(0);
      if (event.key === 'b' || event.key === 'ArrowRight') setShown(1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [present]);
  const [a, b] = sides;
  const labels = a.ok && b.ok ? compareLabels(a.scenario, b.scenario) : null;
  // With one side bad there is nothing to differ from: the good side is named by its approach.
  const label = (i: number) => {
    const side = sides[i];
    if (!side.ok) return labels?.[i] ?? null;
    const named = labels?.[i] ?? approachLabel(side.scenario);
    const fork = forkNote(side.scenario, side.fork);
    return fork ? `${named} · ${fork}` : named;
  };
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const panes = [useFramePane(a.ok, generation), useFramePane(b.ok, generation)] as const;
  const anyReady = panes.some((p) => p.state.phase === 'ready');

  const runBoth = async (command: PaneCommand) => {
    setBusy(true);
    try {
      await Promise.all(panes.map((p) => p.run(command)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={present ? 'compare-page compare-present' : 'compare-page'}>
      <header className="toolbar compare-head">
        <div className="compare-title">
          <h1>
            Compare
            {labels && (
              <span className="compare-versus">
                : {labels[0]} vs {labels[1]}
              </span>
            )}
          </h1>
          {a.ok && b.ok && (
            <>
              <p className="compare-differs" data-testid="compare-differs">
                <strong>what differs:</strong> {differsWithForks(a, b) ?? 'nothing'}
              </p>
              <p className="compare-shared">{sharedSummary(a.scenario, b.scenario)}</p>
            </>
          )}
        </div>
        <div className="compare-actions" role="group" aria-label="Both runs">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !anyReady}
            onClick={() => void runBoth('step')}
          >
            Step both
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || !anyReady}
            onClick={() => void runBoth('runToEnd')}
          >
            Run both to end
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => setGeneration((g) => g + 1)}>
            Reload both
          </button>
        </div>
      </header>
      {present && (
        <div className="compare-tabs" role="tablist" aria-label="Side on show (keys a and b)">
          {sides.map((side, i) => (
            <button
              key={side.key}
              type="button"
              role="tab"
              aria-selected={shown === i}
              aria-controls={`compare-side-${side.key}`}
              className="compare-tab"
              onClick={() => setShown(i)}
            >
              <span className="compare-letter">{side.key.toUpperCase()}</span>
              <span className="compare-tab-label">{label(i) ?? 'bad link'}</span>
              <span className="compare-tab-result">{resultWord(panes[i].state)}</span>
            </button>
          ))}
        </div>
      )}
      <main className="compare-sides">
        {sides.map((side, i) => (
          <CompareSide
            offstage={present && shown !== i}
            key={side.key}
            side={side}
            letter={side.key.toUpperCase()}
            label={label(i)}
            generation={generation}
            frame={panes[i].frame}
            state={panes[i].state}
          />
        ))}
      </main>
    </div>
  );
}
