// Two small vanilla stores per CDC page: the run's facts (fed by the
// controller's events and the poller) and what the user is doing (tab, chosen
// listing and change, search, a batch of writes in progress). CdcApp makes
// them; tests make their own.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { CdcEvent } from '../../runtime/cdcController';
import { applyCdcEvents, initialCdcData, type CdcData } from './cdcState';
import { actionFailure } from '../store/actionFailure';

export type CdcPolled = Partial<Pick<CdcData, 'listings' | 'changes' | 'connector' | 'docs' | 'history'>>;

export interface CdcFactsActions {
  ingest(events: readonly CdcEvent[]): void;
  setPolled(polled: CdcPolled): void;
  setPollError(message: string | null): void;
  setAnomalies(anomalies: Anomaly[], settled: boolean): void;
  /** A failure of the page's own calls (a rejected controller promise), named by its action: see actionFailure. */
  reportError(action: string, message: string): void;
  dismissError(seq: number): void;
}

export type CdcFacts = CdcData & CdcFactsActions;
export type CdcFactsStore = StoreApi<CdcFacts>;

export function createCdcFactsStore(now: () => number = Date.now): CdcFactsStore {
  return createStore<CdcFacts>()((set, get) => ({
    ...initialCdcData(),
    ingest: (events) => {
      const next = applyCdcEvents(get(), events, now());
      if (next !== get()) set(next);
    },
    setPolled: (polled) => set(polled),
    setPollError: (pollError) => get().pollError !== pollError && set({ pollError }),
    setAnomalies: (anomalies, settled) => set({ anomalies, anomalyCheck: { at: now(), settled } }),
    reportError: (action, message) => get().ingest([actionFailure(action, message)]),
    dismissError: (seq) => set({ errors: get().errors.filter((e) => e.seq !== seq) }),
  }));
}

/** 'guide' only when the run tells a library scenario. */
export type CdcTab = 'guide' | 'envelope' | 'anomalies' | 'history';

export interface SearchState {
  text: string;
  city: string;
  /** The ids search() answered for this text and city; null while it runs or before the first search. */
  ids: string[] | null;
  busy: boolean;
  error: string | null;
}

export interface WriteProgress {
  done: number;
  total: number;
}

export interface CdcView {
  tab: CdcTab;
  /** The listing the toolbar's Edit price and Delete act on; null: the newest. */
  selected: string | null;
  /** The change the Envelope tab shows, by sequence; null: the newest. */
  chosenSeq: number | null;
  search: SearchState;
  /** writeMany in progress, from the toolbar or the guide. */
  writing: WriteProgress | null;
  setTab(tab: CdcTab): void;
  select(id: string | null): void;
  chooseChange(seq: number | null): void;
  setSearch(patch: Partial<SearchState>): void;
  setWriting(writing: WriteProgress | null): void;
}

export type CdcViewStore = StoreApi<CdcView>;

export const EMPTY_SEARCH: SearchState = { text: '', city: '', ids: null, busy: false, error: null };

/** `tab`: the one shown first (a run opened from the library starts on its guide). */
export function createCdcViewStore(tab: CdcTab = 'envelope'): CdcViewStore {
  return createStore<CdcView>()((set) => ({
    tab,
    selected: null,
    chosenSeq: null,
    search: EMPTY_SEARCH,
    writing: null,
    setTab: (tab) => set({ tab }),
    select: (selected) => set({ selected }),
    chooseChange: (chosenSeq) => set({ chosenSeq }),
    setSearch: (patch) => set((s) => ({ search: { ...s.search, ...patch } })),
    setWriting: (writing) => set({ writing }),
  }));
}
