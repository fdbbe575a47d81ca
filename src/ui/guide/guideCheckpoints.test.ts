// The guide's checkpoints: the step a question stands before waits for an
// answer (Next cannot skip it), the answer is revealed from the checker's
// anomalies once its beat has run, and a link's walk to a checkpoint runs the
// steps before it and stops at the question.
import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { NarrativeStep } from '../../core/scenario/library';
import type { Checkpoint } from '../../core/scenario/library/checkpoints';
import { narrativeState, waitingCheckpoint } from '../store/narrativeStore';
import { startGuideRunner } from './guideRunner';

const STEPS: NarrativeStep[] = [
  { say: 'one', watch: 'a', do: { kind: 'steps', count: 1 } },
  { say: 'two', watch: 'b', do: { kind: 'stepUntil', beat: { kind: 'placed' } } },
  { say: 'three', watch: 'c', do: { kind: 'runToEnd' } },
  { say: 'four', watch: 'd', do: { kind: 'showTab', tab: 'anomalies' } },
];

const question = (beforeStep: number, revealAfter?: number): Checkpoint => ({
  beforeStep,
  revealAfter,
  question: `before ${beforeStep + 1}?`,
  answers: [
    { text: 'doubled', holds: { kind: 'broken', invariant: 'no-double-charge' }, why: 'no key' },
    { text: 'once', holds: { kind: 'clean' }, why: 'the key' },
  ],
});

const idle = (store: ReturnType<typeof setup>['store']) =>
  vi.waitFor(() => {
    if (store.getState().activity !== null) throw new Error('still running');
  });

function setup(
  checkpoints: Checkpoint[],
  found = [{ invariant: 'no-double-charge', message: 'pay-1 twice' }],
) {
  const store = createStore(narrativeState);
  store.getState().setLength(STEPS.length, checkpoints);
  const performed = vi.fn(async () => null);
  const checked = vi.fn(async () => found);
  startGuideRunner({
    narrative: store,
    steps: STEPS,
    topology: 'shop',
    perform: performed,
    verdict: checked,
  });
  return { store, performed, checked };
}

describe('guide checkpoints', () => {
  it('hold the step until answered, then reveal the answer the run shows after the beat', async () => {
    const { store, performed, checked } = setup([question(1, 2)]);
    store.getState().start();
    await idle(store);
    store.getState().next();
    expect(waitingCheckpoint(store.getState())).toBe(0);
    await Promise.resolve();
    expect(performed).toHaveBeenCalledTimes(1);
    // Next does not skip the question.
    store.getState().next();
    expect(store.getState().step).toBe(1);
    store.getState().answer(0, 1);
    await idle(store);
    expect(performed).toHaveBeenCalledTimes(2);
    // Not revealed after step 2: its reveal comes after step 3.
    expect(store.getState().reveals).toEqual({});
    expect(checked).not.toHaveBeenCalled();
    store.getState().next();
    await idle(store);
    expect(checked).toHaveBeenCalledOnce();
    expect(store.getState().answers).toEqual({ 0: 1 });
    expect(store.getState().reveals).toEqual({ 0: { ok: true, answer: 0, proof: ['pay-1 twice'] } });
  });

  it('marks the other answer true when the run comes out clean', async () => {
    const { store } = setup([question(0)], []);
    store.getState().start();
    store.getState().answer(0, 1);
    await idle(store);
    expect(store.getState().reveals).toEqual({ 0: { ok: true, answer: 1, proof: [] } });
  });

  it('says so when the run fits no answer', async () => {
    const { store } = setup([question(0)], [{ invariant: 'no-event-lost', message: 'lost' }]);
    store.getState().start();
    store.getState().answer(0, 0);
    await idle(store);
    const reveal = store.getState().reveals[0];
    expect(reveal).toMatchObject({ ok: false });
    expect(reveal.ok ? '' : reveal.error).toContain('no answer holds');
  });

  it('takes one answer only, and only while its question waits', async () => {
    const { store } = setup([question(1)]);
    store.getState().start();
    store.getState().answer(0, 0); // not asked yet: step 1 runs first
    await idle(store);
    expect(store.getState().answers).toEqual({});
    store.getState().next();
    store.getState().answer(0, 1);
    store.getState().answer(0, 0);
    await idle(store);
    expect(store.getState().answers).toEqual({ 0: 1 });
  });

  it('walks a link to its checkpoint: the steps before it run, a question on the way is revealed for the room', async () => {
    const { store, performed } = setup([question(1), question(2)]);
    store.getState().walkTo(2);
    await vi.waitFor(() => {
      if (waitingCheckpoint(store.getState()) !== 1) throw new Error('not at the second question yet');
    });
    expect(performed.mock.calls).toEqual([[STEPS[0].do], [STEPS[1].do]]);
    expect(store.getState().answers).toEqual({ 0: 'room' });
    expect(store.getState().reveals[0]).toEqual({ ok: true, answer: 0, proof: ['pay-1 twice'] });
    expect(store.getState().step).toBe(2);
    expect(store.getState().target).toBeNull();
  });
});
