// The vanilla zustand store: the state slices plus the few actions that change
// them. React binds to it in hooks.ts; the controller feeds it in connect.ts.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from './applyEvents';
import { createFrameBatcher, type LoadGovernor, type Schedule } from './frameBatcher';
import { initialState } from './initialState';
import type { Anomaly, PlaygroundData } from './types';
import { actionFailure } from './actionFailure';

export interface PlaygroundActions {
  /** Queue events; they are applied together on the next animation frame. */
  ingest(events: readonly ConductorEvent[]): void;
  /** Apply events at once (tests, and flushing the queue). */
  applyNow(events: readonly ConductorEvent[]): void;
  /** The invariant checker's verdict, from outside the event stream; `settled`: taken while the system was quiet. */
  setAnomalies(anomalies: readonly Anomaly[], settled?: boolean): void;
  setPlaying(playing: boolean): void;
  /** Report a failure of the UI's own calls (a rejected controller promise) like a conductor error: see actionFailure. */
  reportError(action: string, message: string): void;
  dismissError(seq: number): void;
  reset(): void;
}

export type PlaygroundState = PlaygroundData & PlaygroundActions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

/**
 * Over ~150 rows a second reported (a commit counts its rows: ten orders a second at fast pace report
 * ~200, teaching pace stays far below), the canvas summarises: four updates a second, no moving dots.
 */
export const LOAD_GOVERNOR: LoadGovernor<ConductorEvent> = {
  busyItemsPerSecond: 150,
  busyIntervalMs: 250,
  weigh: (event) => (event.kind === 'commit' ? event.changes.length : 1),
};

/** `governor: null` hands over every frame whatever the load (tests of the per-frame behaviour). */
export function createPlaygroundStore(
  options: { schedule?: Schedule; now?: () => number; governor?: LoadGovernor<ConductorEvent> | null } = {},
): PlaygroundStore {
  const now = options.now ?? Date.now;
  return createStore<PlaygroundState>()((set, get) => {
    const applyNow = (events: readonly ConductorEvent[]) => set(applyEvents(get(), events, now()));
    const batcher = createFrameBatcher<ConductorEvent>(
      (events, summarising) => {
        const next = applyEvents(get(), events, now());
        if (next !== get() || summarising !== get().summarising) set({ ...next, summarising });
      },
      options.schedule,
      options.governor === null ? undefined : (options.governor ?? LOAD_GOVERNOR),
    );
    return {
      ...initialState(),
      ingest: (events) => batcher.push(events),
      applyNow,
      setAnomalies: (anomalies, settled = true) => set({ anomalies, anomalyCheck: { at: now(), settled } }),
      setPlaying: (playing) => set({ playing }),
      reportError: (action, message) => applyNow([actionFailure(action, message)]),
      dismissError: (seq) => set({ errors: get().errors.filter((e) => e.seq !== seq) }),
      reset: () => {
        batcher.cancel();
        set(initialState());
      },
    };
  });
}

/** The app's one store; tests and harnesses make their own with createPlaygroundStore. */
export const playgroundStore = createPlaygroundStore();
