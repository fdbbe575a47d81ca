// Two small vanilla stores per event-sourced page: the run's facts (fed by the
// controller's events and the poller) and what the user is looking at (tab,
// chosen aggregate, Replay's version). EsApp makes them; tests make their own.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Anomaly } from '../../core/invariantCatalogue';
import type {
  EsEvent,
  EsStore,
  ProjectionLag,
  ReadYourWritesResult,
  StreamInfo,
} from '../../runtime/esController';
import { nextId } from './esIds';
import { applyEsEvents, initialEsData, type EsData } from './esState';
import { actionFailure } from '../store/actionFailure';

/** A race the user staged, as the controller reported it. */
export interface RaceOutcome {
  seq: number;
  orderId: string;
  conflicts: number;
  message: string;
}

/** What the page remembers of the user's own runs (newest first): not facts of the run, but worth keeping across tabs. */
export interface EsOutcomes {
  races: RaceOutcome[];
  ryw: (ReadYourWritesResult & { seq: number })[];
}

export interface EsFactsActions {
  addRace(race: Omit<RaceOutcome, 'seq'>): void;
  addRyw(result: ReadYourWritesResult): void;
  ingest(events: readonly EsEvent[]): void;
  setPolled(polled: {
    streams?: StreamInfo[];
    lags?: ProjectionLag[];
    readModels?: EsData['readModels'];
  }): void;
  setPollError(message: string | null): void;
  setAnomalies(anomalies: Anomaly[], settled: boolean): void;
  /** A failure of the page's own calls (a rejected controller promise), named by its action: see actionFailure. */
  reportError(action: string, message: string): void;
  dismissError(seq: number): void;
}

export type EsFacts = EsData & EsOutcomes & EsFactsActions;

const KEEP_OUTCOMES = 8;
export type EsFactsStore = StoreApi<EsFacts>;

export function createEsFactsStore(now: () => number = Date.now): EsFactsStore {
  return createStore<EsFacts>()((set, get) => ({
    ...initialEsData(),
    races: [],
    ryw: [],
    addRace: (race) =>
      set((s) => ({
        seq: s.seq + 1,
        races: [{ ...race, seq: s.seq + 1 }, ...s.races].slice(0, KEEP_OUTCOMES),
      })),
    addRyw: (result) =>
      set((s) => ({
        seq: s.seq + 1,
        ryw: [{ ...result, seq: s.seq + 1 }, ...s.ryw].slice(0, KEEP_OUTCOMES),
      })),
    ingest: (events) => {
      const next = applyEsEvents(get(), events, now());
      if (next !== get()) set(next);
    },
    setPolled: (polled) =>
      set((s) => ({
        ...polled,
        readModels: polled.readModels ? { ...s.readModels, ...polled.readModels } : s.readModels,
      })),
    setPollError: (pollError) => get().pollError !== pollError && set({ pollError }),
    setAnomalies: (anomalies, settled) => set({ anomalies, anomalyCheck: { at: now(), settled } }),
    reportError: (action, message) => get().ingest([actionFailure(action, message)]),
    dismissError: (seq) => set({ errors: get().errors.filter((e) => e.seq !== seq) }),
  }));
}

/** 'guide' only when the run tells a library scenario. */
export type EsTab = 'guide' | 'replay' | 'race' | 'ryw' | 'anomalies' | 'history';

export interface Chosen {
  store: EsStore;
  id: string;
}

export interface EsView {
  tab: EsTab;
  chosen: Chosen | null;
  /** Replay's "state as of version V"; null follows the stream's latest version. */
  asOf: number | null;
  /** The toolbar's "Stage a race": the Race tab runs it, so its progress and failure show there. */
  raceRequest: { seq: number; orderId: string } | null;
  /** Highest `prefix-N` handed out: two quick clicks must not pick the same id before the stream list catches up. */
  issued: Record<string, number>;
  issue(prefix: 'order' | 'acc', existing: Iterable<string>): { id: string; n: number };
  setTab(tab: EsTab): void;
  requestRace(orderId: string): void;
  /** The pending race request, removed as it is taken: it runs once, however often the tab renders. */
  takeRaceRequest(): string | null;
  choose(chosen: Chosen | null): void;
  setAsOf(version: number | null): void;
}

export type EsViewStore = StoreApi<EsView>;

/** `tab`: the one shown first (a run opened from the library starts on its guide). */
export function createEsViewStore(tab: EsTab = 'replay'): EsViewStore {
  return createStore<EsView>()((set, get) => ({
    tab,
    chosen: null,
    asOf: null,
    raceRequest: null,
    issued: {},
    issue: (prefix, existing) => {
      const next = nextId(prefix, existing, get().issued[prefix] ?? 0);
      set((s) => ({ issued: { ...s.issued, [prefix]: next.n } }));
      return next;
    },
    setTab: (tab) => set({ tab }),
    requestRace: (orderId) =>
      set((s) => ({ tab: 'race', raceRequest: { seq: (s.raceRequest?.seq ?? 0) + 1, orderId } })),
    takeRaceRequest: () => {
      const request = get().raceRequest;
      if (request) set({ raceRequest: null });
      return request?.orderId ?? null;
    },
    // A different aggregate starts its replay at its latest version.
    choose: (chosen) => get().chosen?.id !== chosen?.id && set({ chosen, asOf: null }),
    setAsOf: (asOf) => set({ asOf }),
  }));
}
