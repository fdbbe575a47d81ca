// Where the viewer is in the open scenario's narrative. Shared by the guide
// panel (which shows and runs the steps) and presenter mode's keyboard.

import { create } from 'zustand';

export interface NarrativeState {
  /** Index of the narrative step on show (0 = the first). */
  step: number;
  /** Set by the guide panel: how many steps the open scenario's narrative has. */
  length: number;
  setLength(length: number): void;
  /** Moves to the next step; the guide panel runs that step's action. */
  next(): void;
  previous(): void;
  reset(): void;
}

export const useNarrative = create<NarrativeState>((set) => ({
  step: 0,
  length: 0,
  setLength: (length) => set({ length }),
  next: () => set((s) => ({ step: Math.min(s.step + 1, Math.max(0, s.length - 1)) })),
  previous: () => set((s) => ({ step: Math.max(0, s.step - 1) })),
  reset: () => set({ step: 0 }),
}));
