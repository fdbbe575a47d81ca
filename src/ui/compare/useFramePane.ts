// One side of the comparison, seen from the parent page: waits for its frame's
// playground, runs commands on it, and reads back its anomalies and where its
// run stands (after each command, and once a second for live runs).

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { RunPlaygroundApi } from '../../runtime/topologies';
import { errorText } from '../store/connect';
import { waitForPlayground } from './framePlayground';

export type PaneCommand = 'step' | 'runToEnd';

export interface PaneState {
  phase: 'loading' | 'ready' | 'failed';
  anomalies: Anomaly[];
  steps: number | null;
  done: boolean;
  /** Why the frame did not start, or why the last command failed. */
  message: string | null;
}

const LOADING: PaneState = { phase: 'loading', anomalies: [], steps: null, done: false, message: null };
const REFRESH_MS = 1000;

function read(api: RunPlaygroundApi): Pick<PaneState, 'anomalies' | 'steps' | 'done'> {
  const sim = api.sim();
  return {
    anomalies: api.anomalies(),
    steps: sim.mode === 'deterministic' ? sim.steps : null,
    done: sim.done,
  };
}

export function useFramePane(enabled: boolean, generation: number) {
  const frame = useRef<HTMLIFrameElement>(null);
  const api = useRef<Promise<RunPlaygroundApi> | null>(null);
  const [state, setState] = useState<PaneState>(LOADING);

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let ready: RunPlaygroundApi | null = null;
    setState(LOADING);
    const pending = waitForPlayground(() => frame.current, abort.signal);
    api.current = pending;
    pending.then(
      (playground) => {
        ready = playground;
        setState({ phase: 'ready', message: null, ...read(playground) });
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setState({ ...LOADING, phase: 'failed', message: errorText(err) });
      },
    );
    const timer = setInterval(() => {
      if (ready) setState((s) => ({ ...s, ...read(ready!) }));
    }, REFRESH_MS);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [enabled, generation]);

  /** Resolves once the command has finished here, failed or not: the two sides are awaited together. */
  const run = useCallback(async (command: PaneCommand) => {
    if (!api.current) return;
    let playground: RunPlaygroundApi;
    try {
      playground = await api.current;
    } catch {
      return; // the frame never started: its pane says why already
    }
    let message: string | null = null;
    try {
      await playground[command]();
    } catch (err) {
      message = `${command === 'step' ? 'Step' : 'Run to end'} failed: ${errorText(err)}`;
    }
    setState((s) => ({ ...s, ...read(playground), message }));
  }, []);

  return { frame, state, run };
}
