// Performs the narrative's actions as the viewer moves on: once per step, on
// the first arrival there (going back and forward again only shows the text),
// and after the last step the closing check. Framework-free: it watches the
// narrative store and calls what it is given, so it is tested without React.

import type { Topology } from '../../core/scenario/scenario';
import type { NarrativeStep } from '../../core/scenario/library';
import type { StoreApi } from 'zustand';
import { errorText } from '../store/connect';
import type { NarrativeState } from '../store/narrativeStore';
import { actionText } from './narrativeActions';
import { invariantSet } from './verdict';
import type { ViewedMoment } from '../history/momentStore';

export interface GuideRunnerDeps {
  narrative: Pick<StoreApi<NarrativeState>, 'getState' | 'setState' | 'subscribe'>;
  steps: readonly NarrativeStep[];
  /** The run's topology: the steps are its actions. */
  topology: Topology;
  perform(action: NonNullable<NarrativeStep['do']>): Promise<string | null>;
  /** Lets the system come to rest, then gives the checker's verdict. */
  verdict(): Promise<readonly string[]>;
  /** The run's moment now: recorded once a step's action has finished, so coming back to the step shows it. */
  moment?(): Promise<ViewedMoment>;
  /** Shows a recorded moment (null: now) as the viewer moves between the steps already run. */
  show?(moment: ViewedMoment | null): void;
}

/** Starts watching; the returned function stops it (a run in flight finishes, but is no longer recorded). */
export function startGuideRunner({
  narrative,
  steps,
  topology,
  perform,
  verdict,
  moment,
  show,
}: GuideRunnerDeps): () => void {
  let stopped = false;
  const update = (patch: Partial<NarrativeState>) => {
    if (!stopped) narrative.setState(patch);
  };

  async function run(index: number): Promise<void> {
    const action = steps[index]?.do;
    narrative.setState({ reached: index, activity: 'action', error: null });
    let failed = false;
    try {
      const note = action ? await perform(action) : null;
      if (note) update({ notes: { ...narrative.getState().notes, [index]: note } });
      if (moment) {
        const reachedAt = await moment();
        update({ moments: { ...narrative.getState().moments, [index]: reachedAt } });
      }
    } catch (err) {
      failed = true;
      update({
        error: `Step ${index + 1} (${action ? actionText(action, topology) : 'no action'}) failed: ${errorText(err)}`,
      });
    }
    if (!failed && index === steps.length - 1) {
      update({ activity: 'check' });
      try {
        const found = await verdict();
        update({ verdict: invariantSet(found) });
      } catch (err) {
        update({ error: `The closing check failed: ${errorText(err)}` });
      }
    }
    update({ activity: null });
  }

  const consider = (s: NarrativeState) => {
    if (!stopped && s.started && s.activity === null && s.step > s.reached && s.step < steps.length)
      void run(s.step);
  };
  // Back at a step already run: its recorded moment; at the furthest step (or a new one): now.
  const follow = (s: NarrativeState, before: NarrativeState) => {
    if (stopped || !show || s.step === before.step || !s.started) return;
    show(s.step < s.reached ? (s.moments[s.step] ?? null) : null);
  };
  const unsubscribe = narrative.subscribe((s, before) => {
    follow(s, before);
    consider(s);
  });
  consider(narrative.getState());
  return () => {
    stopped = true;
    unsubscribe();
  };
}
