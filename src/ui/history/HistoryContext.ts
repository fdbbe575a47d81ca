// Gives the timeline, the inspector, the sequence view and the charts the
// run's history reads (runtime/historyReads.ts), whatever the page's topology:
// each page's App provides its controller here.

import { createContext, useContext } from 'react';
import type { SimState } from '../../runtime/controller';
import type { RunHistoryReads } from '../../runtime/historyReads';

export interface HistoryContextValue {
  reads: RunHistoryReads;
  /** A deterministic run names its moments by step; a live one only by simulation time. */
  deterministic: boolean;
  /** Where the run's scheduler stands now (the timeline's end in a deterministic run). */
  simState(): SimState;
}

export const HistoryContext = createContext<HistoryContextValue | null>(null);

export function useHistoryReads(): HistoryContextValue {
  const value = useContext(HistoryContext);
  if (!value) throw new Error('history views need <HistoryContext.Provider> (each page App provides one)');
  return value;
}

/** What a page's App provides: its controller's reads, and whether its moments are steps. */
export function historyContextOf(
  controller: RunHistoryReads & { mode: string; simState(): SimState },
): HistoryContextValue {
  return {
    reads: controller,
    deterministic: controller.mode === 'deterministic',
    simState: () => controller.simState(),
  };
}
