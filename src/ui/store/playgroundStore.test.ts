import { describe, expect, it } from 'vitest';
import type { ConductorEvent, Controller } from '../../runtime/controller';
import { connectController, guarded } from './connect';
import { createPlaygroundStore } from './playgroundStore';

function fakeController() {
  let listener: ((events: ConductorEvent[]) => void) | null = null;
  const controller = {
    subscribe(l: (events: ConductorEvent[]) => void) {
      listener = l;
      return () => (listener = null);
    },
  } as unknown as Controller;
  return {
    controller,
    emit: (events: ConductorEvent[]) => listener?.(events),
    isSubscribed: () => listener !== null,
  };
}

describe('playground store', () => {
  it('applies controller events once per frame', () => {
    const frames: (() => void)[] = [];
    const store = createPlaygroundStore({ schedule: (f) => (frames.push(f), () => {}), now: () => 5 });
    const { controller, emit, isSubscribed } = fakeController();
    let renders = 0;
    store.subscribe(() => renders++);
    const stop = connectController(controller, store);
    emit([{ kind: 'published', service: 'order', count: 1, topics: ['order-events'] }]);
    emit([{ kind: 'published', service: 'order', count: 2, topics: ['order-events'] }]);
    expect(store.getState().activity.services.order.published).toBe(0);
    frames.forEach((f) => f());
    expect(store.getState().activity.services.order.published).toBe(3);
    expect(renders).toBe(1);
    stop();
    expect(isSubscribed()).toBe(false);
  });

  it('sets anomalies, playing, and dismisses errors', () => {
    const store = createPlaygroundStore();
    store.getState().setAnomalies([{ invariant: 'no-event-lost', message: 'outbox row 3 never published' }]);
    store.getState().setPlaying(false);
    store.getState().reportError('E_TEST', 'nope');
    const [error] = store.getState().errors;
    expect(store.getState()).toMatchObject({ playing: false, anomalies: [{ invariant: 'no-event-lost' }] });
    store.getState().dismissError(error.seq);
    expect(store.getState().errors).toEqual([]);
  });

  it("guarded turns a rejected controller call into an error entry, under the catalogue's code, named by its action", async () => {
    const store = createPlaygroundStore();
    guarded(store, 'Restart', () => Promise.reject(new Error('worker did not start')));
    guarded(store, 'Crash', () => {
      throw new Error('sync failure');
    });
    await Promise.resolve();
    expect(store.getState().errors.map((e) => [e.code, e.message])).toEqual([
      ['MPP011', 'Crash: sync failure'],
      ['MPP011', 'Restart: worker did not start'],
    ]);
  });
});
