// Performs the narrative's actions as the viewer moves on: once per step, on
// the first arrival there (going back and forward again only shows the text),
// after a checkpoint's beat the check that reveals its answer, and after the
// last step the closing check. A step a question stands before waits for its
// answer. Framework-free: it watches the narrative store and calls what it is
// given, so it is tested without React.

import type { Scenario, Topology } from '../../core/scenario/scenario';
import type { RunStart } from '../../runtime/runStart';
import type { NarrativeStep } from '../../core/scenario/library';
import type { StoreApi } from 'zustand';
import { errorText } from '../store/connect';
import { waitingCheckpoint, type NarrativeState } from '../store/narrativeStore';
import { actionText } from './narrativeActions';
import { invariantSet } from './verdict';
import type { ViewedMoment } from '../history/momentStore';
import { reveal, revealedAfter } from './reveal';

export interface GuideRunnerDeps {
  narrative: Pick<StoreApi<NarrativeState>, 'getState' | 'setState' | 'subscribe'>;
  steps: readonly NarrativeStep[];
  /** The run's topology: the steps are its actions. */
  topology: Topology;
  perform(action: NonNullable<NarrativeStep['do']>): Promise<string | null>;
  /** Lets the system come to rest (a deterministic run: runs it to its end), then gives the checker's anomalies. */
  verdict(): Promise<readonly { invariant: string; message: string }[]>;
  /** The run's moment now: recorded once a step's action has finished, so coming back to the step shows it. */
  moment?(): Promise<ViewedMoment>;
  /** Shows a recorded moment (null: now) as the viewer moves between the steps already run. */
  show?(moment: ViewedMoment | null): void;
}

/**
 * The step a link's `checkpoint` (1-based; 0: none) opens the guide at: where its question stands, the steps before
 * it run first. Null when there is nothing to walk to (topologyFit.ts refuses a checkpoint the guide lacks).
 */
export function checkpointStep(
  checkpoints: readonly { beforeStep: number }[] | undefined,
  checkpoint: number,
): number | null {
  return checkpoint > 0 ? (checkpoints?.[checkpoint - 1]?.beforeStep ?? null) : null;
}

/**
 * A link's checkpoint: once the run has started, and only in a fresh run (a resumed one has run its steps already),
 * walks the guide to the step the question stands before. The returned function cancels a walk not yet begun.
 */
export function walkToLinkCheckpoint(
  checkpoints: readonly { beforeStep: number }[] | undefined,
  controller: { scenario(): Pick<Scenario, 'checkpoint'> } & RunStart,
  walkTo: (step: number) => void,
): () => void {
  const at = checkpointStep(checkpoints, controller.scenario().checkpoint);
  if (at === null || !controller.whenStarted) return () => {};
  let cancelled = false;
  // A run that did not start has said why on the page; there is nothing to walk.
  controller.whenStarted().then(
    ({ resumed }) => {
      if (!cancelled && !resumed) walkTo(at);
    },
    () => undefined,
  );
  return () => {
    cancelled = true;
  };
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
      // Walking to a link's question, a step that only brings a tab forward is passed over: the question waits in the guide.
      const passOver = action?.kind === 'showTab' && narrative.getState().target !== null;
      const note = action && !passOver ? await perform(action) : null;
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
    const last = index === steps.length - 1;
    const { checkpoints } = narrative.getState();
    const revealing = revealedAfter(checkpoints, index);
    if (!failed && (last || revealing.length)) {
      update({ activity: 'check' });
      try {
        const found = await verdict();
        if (last) update({ verdict: invariantSet(found.map((a) => a.invariant)) });
        if (revealing.length)
          update({
            reveals: {
              ...narrative.getState().reveals,
              ...Object.fromEntries(revealing.map((i) => [i, reveal(checkpoints[i], found)])),
            },
          });
      } catch (err) {
        update({ error: `The ${last ? 'closing check' : 'check of the answer'} failed: ${errorText(err)}` });
      }
    }
    update({ activity: null });
  }

  const consider = (s: NarrativeState) => {
    if (stopped || !s.started || s.activity !== null) return;
    if (s.step > s.reached && s.step < steps.length) {
      const waiting = waitingCheckpoint(s);
      if (waiting === null) void run(s.step);
      // Walking to a link's checkpoint: a question on the way is revealed for the room, not asked.
      else if (s.target !== null && s.step < s.target) s.answer(waiting, 'room');
      // Arrived: the question the link points at waits for its answer.
      else if (s.target !== null) narrative.setState({ target: null });
      return;
    }
    if (s.target === null || s.error !== null) return;
    if (s.step >= s.target) narrative.setState({ target: null });
    else s.next();
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
