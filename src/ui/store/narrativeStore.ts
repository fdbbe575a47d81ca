// Where the viewer is in the open scenario's narrative, and how its actions
// are going. Shared by the guide (which shows the steps, and whose runner
// performs each step's action on arrival) and presenter mode's keyboard.

import { create, type StateCreator } from 'zustand';
import { revealStep, type Checkpoint } from '../../core/scenario/library/checkpoints';
import type { ViewedMoment } from '../history/momentStore';

/** A learner's answer to a checkpoint (its index), or `room`: presenter mode revealed it for a room that voted aloud. */
export type CheckpointChoice = number | 'room';

/** What the run showed at a checkpoint, once its beat has run and the run has settled. */
export type Reveal =
  /** `answer` holds; `proof` is what the checker said of the rows that show it (empty for a clean run). */
  | { ok: true; answer: number; proof: string[] }
  /** The run's outcome fits no answer, or several: said rather than guessed. */
  | { ok: false; error: string };

/** What runs now: a step's action, or the closing check of the verdict against the scenario's `expect`. */
export type NarrativeActivity = 'action' | 'check';

export interface NarrativeState {
  /** Index of the narrative step on show (0 = the first). */
  step: number;
  /** Set by the guide: how many steps the open scenario's narrative has. */
  length: number;
  /** The viewer pressed Start: nothing runs on page load. */
  started: boolean;
  /** The furthest step whose action has run (or runs now); -1 before Start. Coming back to a step up to it only shows its text. */
  reached: number;
  /** Set while an action or the closing check runs: next() and previous() wait for it. */
  activity: NarrativeActivity | null;
  /** Why the last action or check failed, in words; cleared when the next one starts. */
  error: string | null;
  /** What an action reported beyond success (a planned crash cut orders off), by step index. */
  notes: Readonly<Record<number, string>>;
  /** The moment each step's action had finished at, by step index: Previous shows that moment again. */
  moments: Readonly<Record<number, ViewedMoment>>;
  /** The invariants the checker reported once the last step had run, sorted; null until then. */
  verdict: readonly string[] | null;
  /** The narrative's questions (library data); a step a question stands before waits for its answer. */
  checkpoints: readonly Checkpoint[];
  /** The learner's answer to each checkpoint, by its index. */
  answers: Readonly<Record<number, CheckpointChoice>>;
  /** What the run showed at each checkpoint, by its index, once its beat has run. */
  reveals: Readonly<Record<number, Reveal>>;
  /** Set by a link that opens the guide at a checkpoint: the runner walks the steps before this one, then stops. */
  target: number | null;
  /** A new narrative of `length` steps (and its questions): back to before Start. */
  setLength(length: number, checkpoints?: readonly Checkpoint[]): void;
  /** Answers checkpoint `index` (once): the step it stands before then runs. */
  answer(index: number, choice: CheckpointChoice): void;
  /** Starts the guide and walks it to `step`, each step's action in turn (a link opening it at a checkpoint). */
  walkTo(step: number): void;
  start(): void;
  /** Moves to the next step (before Start: starts); the guide's runner performs that step's action. */
  next(): void;
  previous(): void;
  /** Runs the step on show again after its action failed. */
  retry(): void;
  reset(): void;
}

const INITIAL = {
  step: 0,
  started: false,
  reached: -1,
  activity: null,
  error: null,
  notes: {},
  moments: {},
  verdict: null,
  answers: {},
  reveals: {},
  target: null,
} as const;

/** The checkpoint the step on show waits on: it stands before that step, the step has not run, and it is unanswered. */
export function waitingCheckpoint(
  s: Pick<NarrativeState, 'started' | 'step' | 'reached' | 'checkpoints' | 'answers'>,
): number | null {
  if (!s.started || s.step <= s.reached) return null;
  const index = s.checkpoints.findIndex((c, i) => c.beforeStep === s.step && s.answers[i] === undefined);
  return index < 0 ? null : index;
}

/** The checkpoint whose question concerns the step on show: asked before it, or revealed at it (null: none). */
export function checkpointOnShow(s: Pick<NarrativeState, 'started' | 'step' | 'checkpoints'>): number | null {
  if (!s.started) return null;
  const index = s.checkpoints.findIndex((c) => c.beforeStep <= s.step && s.step <= revealStep(c));
  return index < 0 ? null : index;
}

/** The store's state and actions, apart from the app's instance so tests make their own. */
export const narrativeState: StateCreator<NarrativeState> = (set) => ({
  ...INITIAL,
  length: 0,
  checkpoints: [],
  setLength: (length, checkpoints = []) => set({ ...INITIAL, length, checkpoints }),
  start: () => set((s) => (s.length > 0 && !s.started ? { started: true, step: 0 } : {})),
  answer: (index, choice) =>
    set((s) =>
      s.activity || waitingCheckpoint(s) !== index ? {} : { answers: { ...s.answers, [index]: choice } },
    ),
  walkTo: (step) =>
    set((s) =>
      s.started || s.length === 0 ? {} : { started: true, step: 0, target: Math.min(step, s.length - 1) },
    ),
  next: () =>
    set((s) => {
      // A question stands before the step on show: it runs once answered, and nothing is skipped past it.
      if (s.activity || s.length === 0 || waitingCheckpoint(s) !== null) return {};
      if (!s.started) return { started: true, step: 0 };
      return { step: Math.min(s.step + 1, s.length - 1) };
    }),
  previous: () => set((s) => (s.activity ? {} : { step: Math.max(0, s.step - 1) })),
  // The runner performs any step past `reached`: stepping `reached` back once re-arms the step on show.
  retry: () =>
    set((s) =>
      s.activity || s.error === null || s.step !== s.reached ? {} : { reached: s.reached - 1, error: null },
    ),
  reset: () => set(INITIAL),
});

export const useNarrative = create<NarrativeState>(narrativeState);
