// What the History tab shows: which of its views (the inspector, one
// order's message sequence, the charts), the item being inspected and the
// correlation id being followed. Clicking a row anywhere on the page asks for
// the inspector here; each page's side panel opens its History tab when asked.

import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

export type HistoryView = 'inspect' | 'sequence' | 'charts';

/** An item the inspector can show: `kind` as inspect() names it (a table, `record`, `saga`, `event`, `change`). */
export interface InspectTarget {
  kind: string;
  id: string;
  /** Whose row it is, when another service may hold one of the same id (two consumers' inbox rows of one message). */
  service?: string;
}

export interface HistoryViewState {
  view: HistoryView;
  selected: InspectTarget | null;
  /** The order or saga whose messages the sequence view lays out. */
  correlation: string | null;
  /** Bumped each time something asks for the History tab to be shown. */
  opened: number;
  show(view: HistoryView): void;
  inspect(target: InspectTarget): void;
  follow(correlation: string): void;
}

export const historyView = createStore<HistoryViewState>()((set, get) => ({
  view: 'inspect',
  selected: null,
  correlation: null,
  opened: 0,
  show: (view) => set({ view, opened: get().opened + 1 }),
  inspect: (selected) => set({ selected, view: 'inspect', opened: get().opened + 1 }),
  follow: (correlation) => set({ correlation, view: 'sequence', opened: get().opened + 1 }),
}));

export function useHistoryView<T>(selector: (state: HistoryViewState) => T): T {
  return useStore(historyView, selector);
}

/** A side panel's hook: switch to its History tab whenever a view of it is asked for. */
export function useOpensHistoryTab(open: () => void): void {
  useEffect(
    () =>
      historyView.subscribe((state, before) => {
        if (state.opened !== before.opened) open();
      }),
    [open],
  );
}
