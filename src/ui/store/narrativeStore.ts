// Where the viewer is in the open scenario's narrative, and how its actions
// are going. Shared by the guide (which shows the steps, and whose runner
// performs each step's action on arrival) and presenter mode's keyboard.

import { create, type StateCreator } from 'zustand';
import type { ViewedMoment } from '../history/momentStore';

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
  /** A new narrative of `length` steps: back to before Start. */
  setLength(length: number): void;
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
} as const;

/** The store's state and actions, apart from the app's instance so tests make their own. */
export const narrativeState: StateCreator<NarrativeState> = (set) => ({
  ...INITIAL,
  length: 0,
  setLength: (length) => set({ ...INITIAL, length }),
  start: () => set((s) => (s.length > 0 && !s.started ? { started: true, step: 0 } : {})),
  next: () =>
    set((s) => {
      if (s.activity || s.length === 0) return {};
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
