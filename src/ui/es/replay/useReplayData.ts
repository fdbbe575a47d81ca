// What the Replay tab loads from the controller: the stream's events (again
// when its version moves), the state as of V, and the load-cost comparison
// (on demand, and at most every few seconds while the stream grows). Each
// answer that arrives after a newer question is dropped.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoredEvent } from '../../../core/eventsourcing/eventStore';
import type { AggregateAt, LoadStat } from '../../../runtime/esController';
import { errorText } from '../connectEs';
import { useEsController } from '../EsContext';

interface Loaded<T> {
  value: T | null;
  error: string | null;
}

/**
 * The tab's reads of one run, one after another: a timed load that waits behind the stream's 10,000-event read
 * would report that wait as its own cost, so Replay's "loaded: … ms" and Load cost measure alike (alone).
 */
const queues = new WeakMap<object, Promise<unknown>>();

function inTurn<T>(controller: object, read: () => Promise<T>): Promise<T> {
  const turn = (queues.get(controller) ?? Promise.resolve()).then(read, read);
  queues.set(
    controller,
    turn.catch(() => undefined),
  );
  return turn;
}

function useLatest<T>(load: (() => Promise<T>) | null, deps: readonly unknown[]): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ value: null, error: null });
  useEffect(() => {
    if (!load) return;
    let current = true;
    load().then(
      (value) => current && setResult({ value, error: null }),
      (err: unknown) => current && setResult((r) => ({ value: r.value, error: errorText(err) })),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `deps` name what `load` reads
  }, deps);
  return result;
}

export function useStreamEvents(id: string, version: number): Loaded<StoredEvent[]> {
  const controller = useEsController();
  return useLatest(() => inTurn(controller, () => controller.events(id)), [controller, id, version]);
}

export function useStateAt(id: string, version: number): Loaded<AggregateAt> {
  const controller = useEsController();
  return useLatest(
    () => inTurn(controller, () => controller.stateAt(id, version, true)),
    [controller, id, version],
  );
}

const REMEASURE_MS = 3000;

export interface LoadStats {
  /** The aggregate and version the numbers were measured at (null before the first measure). */
  id: string;
  version: number | null;
  stats: { withSnapshots: LoadStat; withoutSnapshots: LoadStat } | null;
  measuredAt: number | null;
  error: string | null;
  busy: boolean;
  measure(): void;
}

/** Measured when the aggregate is chosen, when asked, and after its version moved (at most every few seconds). */
export function useLoadStats(id: string, version: number): LoadStats {
  const controller = useEsController();
  const [state, setState] = useState<
    Omit<LoadStats, 'measure' | 'version'> & { version: number; measuredVersion: number }
  >({ id, version: -1, measuredVersion: -1, stats: null, measuredAt: null, error: null, busy: false });
  const asked = useRef(0);
  const measure = useCallback(() => {
    const ticket = ++asked.current;
    setState((s) => ({ ...s, busy: true, id, version }));
    inTurn(controller, () => controller.loadStats(id)).then(
      (stats) =>
        ticket === asked.current &&
        setState({
          id,
          version,
          measuredVersion: version,
          stats,
          measuredAt: Date.now(),
          error: null,
          busy: false,
        }),
      (err: unknown) =>
        ticket === asked.current && setState((s) => ({ ...s, error: errorText(err), busy: false })),
    );
  }, [controller, id, version]);
  useEffect(() => {
    if (state.busy || (state.id === id && state.version === version)) return;
    const wait =
      state.id !== id || state.measuredAt === null
        ? 0
        : Math.max(0, state.measuredAt + REMEASURE_MS - Date.now());
    const timer = setTimeout(measure, wait);
    return () => clearTimeout(timer);
  }, [id, version, state.id, state.version, state.busy, state.measuredAt, measure]);
  // Another aggregate's numbers are not this one's.
  const mine = state.id === id;
  return {
    id,
    version: mine && state.stats ? state.measuredVersion : null,
    stats: mine ? state.stats : null,
    measuredAt: mine ? state.measuredAt : null,
    error: mine ? state.error : null,
    busy: state.busy,
    measure,
  };
}
