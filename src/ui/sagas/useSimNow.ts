// The simulation clock as the conductor last described it, ticking on screen:
// saga deadlines are simulation times, so a countdown must follow pause and speed.

import { useEffect, useState } from 'react';
import type { SimTiming } from '../../core/clock';
import { usePlayground } from '../store/hooks';

/** Simulation time at real time `realNow`: stands still while paused, runs at the speed otherwise. */
export function simTimeAt(timing: SimTiming, realNow: number): number {
  return timing.paused ? timing.simAt : timing.simAt + (realNow - timing.realAt) * timing.speed;
}

/** Re-renders every `everyMs` with the current simulation time (null until the conductor reported). */
export function useSimNow(everyMs = 250): number | null {
  const timing = usePlayground((s) => s.timing);
  const [realNow, setRealNow] = useState(() => Date.now());
  useEffect(() => {
    if (!timing || timing.paused) return;
    const id = setInterval(() => setRealNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [timing, everyMs]);
  return timing ? simTimeAt(timing, Math.max(realNow, timing.realAt)) : null;
}
