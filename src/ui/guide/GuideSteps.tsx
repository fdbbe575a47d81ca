// The narrative as a numbered list: the step on show marked (aria-current),
// each with what happens, where to look, and what moving on to it does.

import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { LibraryEntry } from '../../core/scenario/library';
import { useNarrative } from '../store/narrativeStore';
import { actionText } from './narrativeActions';

type StepState = 'ahead' | 'current' | 'done';

export function GuideSteps({ entry }: { entry: LibraryEntry }) {
  const { step, started, reached, activity, notes } = useNarrative(
    useShallow((s) => ({
      step: s.step,
      started: s.started,
      reached: s.reached,
      activity: s.activity,
      notes: s.notes,
    })),
  );
  const list = useRef<HTMLOListElement>(null);
  // Keeps the step on show in view: presenter mode's n / p move it without touching the panel.
  useEffect(() => {
    if (started) list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [step, started]);
  return (
    <ol className="guide-steps" ref={list}>
      {entry.narrative.map((n, i) => {
        const current = started && i === step;
        const state: StepState = current ? 'current' : i <= reached ? 'done' : 'ahead';
        const running = activity === 'action' && i === reached;
        return (
          <li
            key={i}
            className={`guide-step guide-step-${state}`}
            aria-current={current ? 'step' : undefined}
          >
            <p className="guide-say">{n.say}</p>
            <p className="guide-watch">
              <span className="guide-label">Watch</span> {n.watch}
            </p>
            {n.do && (
              <p className="guide-does">
                {running
                  ? `Now: ${actionText(n.do, entry.scenario.topology)}…`
                  : i <= reached
                    ? `✓ ${actionText(n.do, entry.scenario.topology, 'past')}`
                    : `On arrival: ${actionText(n.do, entry.scenario.topology)}`}
              </p>
            )}
            {notes[i] && <p className="guide-note">{notes[i]}</p>}
          </li>
        );
      })}
    </ol>
  );
}
