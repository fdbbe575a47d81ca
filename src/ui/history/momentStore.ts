// Which moment the user is looking at: null is now (the live canvas); a past
// moment is a simulation time, and in a deterministic run its step. Kept in
// one store for the page so the timeline, the canvas, the inspector, the
// sequence view and the charts agree on it. Viewing the past writes nothing:
// the run keeps its own state and goes on.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export interface ViewedMoment {
  /** Simulation time of the moment (its facts up to and including this time are shown). */
  time: number;
  /** The deterministic step this time ends; null in a live run. */
  step: number | null;
}

export interface MomentState {
  viewing: ViewedMoment | null;
  view(moment: ViewedMoment): void;
  backToNow(): void;
}

export function createMomentStore() {
  return createStore<MomentState>()((set) => ({
    viewing: null,
    view: (moment) => set({ viewing: moment }),
    backToNow: () => set({ viewing: null }),
  }));
}

/** The page's one moment store (each run is its own page; the compare page frames them). */
export const momentStore = createMomentStore();

export function useMoment<T>(selector: (state: MomentState) => T): T {
  return useStore(momentStore, selector);
}

/** The moment as the history reads ask for it: a step when there is one, else `{ time }`. */
export function momentOf(viewing: ViewedMoment | null): number | { time: number } | undefined {
  if (!viewing) return undefined;
  return viewing.step ?? { time: viewing.time };
}
