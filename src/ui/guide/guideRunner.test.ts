import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { NarrativeAction, NarrativeStep } from '../../core/scenario/library';
import { narrativeState } from '../store/narrativeStore';
import { startGuideRunner } from './guideRunner';

const STEPS: NarrativeStep[] = [
  { say: 'one', watch: 'a', do: { kind: 'steps', count: 1 } },
  { say: 'two', watch: 'b' },
  { say: 'three', watch: 'c', do: { kind: 'runToEnd' } },
];

/** Resolves once the runner is idle again. */
const idle = (store: ReturnType<typeof setup>['store']) =>
  vi.waitFor(() => {
    if (store.getState().activity !== null) throw new Error('still running');
  });

function setup(
  perform: (a: NarrativeAction) => Promise<string | null> = async () => null,
  verdict = async () => [
    { invariant: 'no-event-lost', message: 'a' },
    { invariant: 'no-event-lost', message: 'b' },
  ],
) {
  const store = createStore(narrativeState);
  store.getState().setLength(STEPS.length);
  const performed = vi.fn(perform);
  const checked = vi.fn(verdict);
  const stop = startGuideRunner({
    narrative: store,
    steps: STEPS,
    topology: 'shop',
    perform: performed,
    verdict: checked,
  });
  return { store, performed, checked, stop };
}

describe('startGuideRunner', () => {
  it('runs nothing before Start', async () => {
    const { performed } = setup();
    await Promise.resolve();
    expect(performed).not.toHaveBeenCalled();
  });

  it('runs each step’s action on arrival, and the closing check after the last', async () => {
    const { store, performed, checked } = setup();
    store.getState().start();
    expect(store.getState().activity).toBe('action');
    await idle(store);
    expect(performed).toHaveBeenLastCalledWith({ kind: 'steps', count: 1 });
    store.getState().next();
    await idle(store);
    expect(performed).toHaveBeenCalledTimes(1); // step two has no action
    expect(store.getState().reached).toBe(1);
    store.getState().next();
    await idle(store);
    expect(performed).toHaveBeenLastCalledWith({ kind: 'runToEnd' });
    expect(checked).toHaveBeenCalledOnce();
    expect(store.getState().verdict).toEqual(['no-event-lost']);
  });

  it('does not run an action again when the viewer goes back and forward', async () => {
    const { store, performed } = setup();
    store.getState().start();
    await idle(store);
    store.getState().next();
    await idle(store);
    store.getState().previous();
    store.getState().previous();
    store.getState().next();
    await idle(store);
    expect(store.getState().step).toBe(1);
    expect(performed).toHaveBeenCalledTimes(1);
  });

  it('ignores next and previous while an action runs', async () => {
    let release = () => {};
    const { store } = setup(() => new Promise((resolve) => (release = () => resolve(null))));
    store.getState().start();
    store.getState().next();
    store.getState().previous();
    expect(store.getState().step).toBe(0);
    release();
    await idle(store);
    store.getState().next();
    expect(store.getState().step).toBe(1);
  });

  it('shows a failure, keeps a note, and runs the step again on retry', async () => {
    let calls = 0;
    const { store, performed } = setup(async () => {
      if (calls++ === 0) throw new Error('worker gone');
      return 'one order got no answer';
    });
    store.getState().start();
    await idle(store);
    expect(store.getState().error).toBe('Step 1 (grants 1 step) failed: worker gone');
    store.getState().retry();
    await idle(store);
    expect(performed).toHaveBeenCalledTimes(2);
    expect(store.getState().error).toBeNull();
    expect(store.getState().notes).toEqual({ 0: 'one order got no answer' });
  });

  it('reports a failed closing check', async () => {
    const { store } = setup(undefined, async () => Promise.reject(new Error('did not settle')));
    store.getState().start();
    for (let i = 0; i < 2; i++) {
      await idle(store);
      store.getState().next();
    }
    await idle(store);
    expect(store.getState().verdict).toBeNull();
    expect(store.getState().error).toBe('The closing check failed: did not settle');
  });

  it('stops watching when stopped', async () => {
    const { store, performed, stop } = setup();
    stop();
    store.getState().start();
    await Promise.resolve();
    expect(performed).not.toHaveBeenCalled();
  });
});
