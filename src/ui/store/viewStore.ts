// What the user is looking at, kept apart from the facts the workers report:
// the side panel's tab, the saga list's filter and the selected saga. It lives
// in a store (not component state) so switching tabs keeps the selection.

import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ProcessName } from '../../core/telemetry';
import type { SagaFilter } from './sagaSelectors';

/** `guide` only exists when the run was opened from a library scenario. */
export type SideTab = 'guide' | 'sagas' | 'setup' | 'faults' | 'anomalies' | 'log' | 'history';

export interface ViewState {
  tab: SideTab;
  /** Folded to a thin rail, so a presenter can give the canvas the whole width. */
  sideCollapsed: boolean;
  sagaFilter: SagaFilter;
  selectedSaga: string | null;
  /** Presenter mode's selected process (keys 1–5): the one `c` crashes and `r` restarts. */
  selectedProcess: ProcessName | null;
  setTab(tab: SideTab): void;
  setSideCollapsed(collapsed: boolean): void;
  setSagaFilter(filter: SagaFilter): void;
  selectSaga(id: string | null): void;
  selectProcess(process: ProcessName | null): void;
}

export function createViewStore() {
  return createStore<ViewState>()((set) => ({
    tab: 'sagas',
    sideCollapsed: false,
    sagaFilter: 'all',
    selectedSaga: null,
    selectedProcess: null,
    setTab: (tab) => set({ tab, sideCollapsed: false }),
    setSideCollapsed: (sideCollapsed) => set({ sideCollapsed }),
    setSagaFilter: (sagaFilter) => set({ sagaFilter }),
    selectSaga: (selectedSaga) => set({ selectedSaga }),
    selectProcess: (selectedProcess) => set({ selectedProcess }),
  }));
}

export const viewStore = createViewStore();

export function useView<T>(selector: (state: ViewState) => T): T {
  return useStore(viewStore, selector);
}
