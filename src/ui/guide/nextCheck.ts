// Waits for the invariant checker's next verdict to reach the UI's store. The
// conductor publishes a check before settle() resolves, but the store applies
// events once per animation frame: the verdict arrives a frame later.

import type { Anomaly } from '../store/types';
import type { PlaygroundStore } from '../store/playgroundStore';

/** Resolves with the anomalies of the first check after `before`, or, after `timeoutMs` without one, with the latest. */
export function nextCheck(
  store: Pick<PlaygroundStore, 'getState' | 'subscribe'>,
  before: unknown,
  timeoutMs = 3000,
): Promise<Anomaly[]> {
  const found = () => [...store.getState().anomalies];
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve(found());
    };
    // A newer check than the one awaited overwrites it: whichever lands first is at least as recent.
    const unsubscribe = store.subscribe((s) => {
      if (s.anomalyCheck !== before) finish();
    });
    const timer = setTimeout(finish, timeoutMs);
    if (store.getState().anomalyCheck !== before) finish();
  });
}
