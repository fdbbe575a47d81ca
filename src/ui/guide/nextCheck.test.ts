import { describe, expect, it, vi } from 'vitest';
import { createPlaygroundStore } from '../store/playgroundStore';
import { nextCheck } from './nextCheck';

describe('nextCheck', () => {
  it('waits for the next check to land in the store', async () => {
    const store = createPlaygroundStore({ schedule: () => () => {} });
    store.getState().setAnomalies([{ invariant: 'saga-terminal', message: 'old' }]);
    const verdict = nextCheck(store, store.getState().anomalyCheck);
    store
      .getState()
      .applyNow([
        { kind: 'anomalies', anomalies: [{ invariant: 'no-event-lost', message: 'new' }], settled: true },
      ]);
    expect(await verdict).toEqual([{ invariant: 'no-event-lost', message: 'new' }]);
  });

  it('gives the latest verdict when no new check comes', async () => {
    vi.useFakeTimers();
    try {
      const store = createPlaygroundStore({ schedule: () => () => {} });
      store.getState().setAnomalies([]);
      const verdict = nextCheck(store, store.getState().anomalyCheck, 500);
      vi.advanceTimersByTime(500);
      expect(await verdict).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
