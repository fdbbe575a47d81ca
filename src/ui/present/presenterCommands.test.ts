import { describe, expect, it, vi } from 'vitest';
import type { ProcessName } from '../../core/telemetry';
import type { SimState } from '../../runtime/controller';
import type { ProcessState } from '../store/types';
import {
  runPresenterAction,
  type Feedback,
  type PresenterController,
  type PresenterDeps,
} from './presenterCommands';

const PROCESSES: ProcessName[] = ['broker', 'order', 'payment', 'inventory', 'shipping'];
const running: ProcessState = { status: 'running', armed: null, crashedAt: null };
const sim = (patch: Partial<SimState> = {}): SimState => ({
  mode: 'deterministic',
  seed: 1,
  steps: 0,
  simTime: 0,
  running: false,
  done: false,
  traceHash: null,
  lastStep: null,
  ...patch,
});

interface Options {
  mode?: 'live' | 'deterministic';
  done?: boolean;
  length?: number;
  step?: number;
  started?: boolean;
  activity?: 'action' | null;
  /** A question stands before step 2 (index 1), unanswered, and step 1 has run. */
  asking?: boolean;
}

const QUESTION = {
  beforeStep: 1,
  question: 'What happens?',
  answers: [
    {
      text: 'It doubles.',
      holds: { kind: 'broken' as const, invariant: 'no-double-charge' as const },
      why: 'w',
    },
    { text: 'Nothing.', holds: { kind: 'clean' as const }, why: 'w' },
  ],
};

function setup(options: Options = {}) {
  const controller: PresenterController = {
    play: vi.fn(),
    pause: vi.fn(),
    step: vi.fn(() => Promise.resolve()),
    runToEnd: vi.fn(() => Promise.resolve()),
    crashNow: vi.fn(),
    restart: vi.fn(() => Promise.resolve()),
    placeOrder: vi.fn(() => Promise.resolve('o-1')),
    processNames: PROCESSES,
    mode: options.mode ?? 'deterministic',
  };
  const state = {
    playing: false,
    sim: sim({ done: options.done ?? false, mode: options.mode ?? 'deterministic' }),
    processes: {
      order: running,
      payment: { ...running },
      inventory: running,
      shipping: running,
      broker: running,
    },
    setPlaying: vi.fn((playing: boolean) => void (state.playing = playing)),
  };
  const narrative = {
    step: options.step ?? 0,
    length: options.length ?? 0,
    started: options.started,
    activity: options.activity,
    next: vi.fn(),
    previous: vi.fn(),
    reached: options.asking ? 0 : (options.step ?? 0),
    checkpoints: options.asking ? [QUESTION] : [],
    answers: {},
    answer: vi.fn(),
  };
  const view = {
    selectedProcess: null as ProcessName | null,
    selectProcess: vi.fn((p: ProcessName | null) => void (view.selectedProcess = p)),
    sideCollapsed: true,
    setSideCollapsed: vi.fn(),
  };
  const deps: PresenterDeps = {
    controller,
    playground: () => state,
    narrative: () => narrative,
    view: () => view,
  };
  const said: Feedback[] = [];
  const run = (action: Parameters<typeof runPresenterAction>[0]) =>
    runPresenterAction(action, deps, (f) => said.push(f));
  const last = () => said[said.length - 1];
  return { controller, state, narrative, view, said, run, last };
}

describe('runPresenterAction', () => {
  it('toggles play and pause, and tells the store', async () => {
    const t = setup();
    await t.run({ kind: 'toggle-play' });
    expect(t.controller.play).toHaveBeenCalledOnce();
    expect(t.state.playing).toBe(true);
    await t.run({ kind: 'toggle-play' });
    expect(t.controller.pause).toHaveBeenCalledOnce();
    expect(t.last()).toEqual({ text: '❚❚ Paused', ok: true });
  });

  it('steps a deterministic run', async () => {
    const t = setup();
    await t.run({ kind: 'step' });
    expect(t.controller.step).toHaveBeenCalledOnce();
    expect(t.last().ok).toBe(true);
  });

  it('refuses to step a live run, in words, without calling the controller', async () => {
    const t = setup({ mode: 'live' });
    await t.run({ kind: 'step' });
    await t.run({ kind: 'run-to-end' });
    expect(t.controller.step).not.toHaveBeenCalled();
    expect(t.controller.runToEnd).not.toHaveBeenCalled();
    expect(t.said.every((f) => !f.ok && /live/.test(f.text))).toBe(true);
  });

  it('refuses to step a run that is at its end', async () => {
    const t = setup({ done: true });
    await t.run({ kind: 'step' });
    expect(t.last()).toMatchObject({ ok: false, text: expect.stringMatching(/Nothing is left/) });
  });

  it('reports a rejected command instead of throwing', async () => {
    const t = setup();
    vi.mocked(t.controller.runToEnd).mockRejectedValueOnce(new Error('boom'));
    await expect(t.run({ kind: 'run-to-end' })).resolves.toBeUndefined();
    expect(t.last()).toEqual({ text: 'Run to end failed: boom', ok: false });
  });

  it('reports a command that throws synchronously', async () => {
    const t = setup();
    vi.mocked(t.controller.play).mockImplementationOnce(() => {
      throw new Error('no workers');
    });
    await t.run({ kind: 'toggle-play' });
    expect(t.last()).toEqual({ text: 'Play/pause failed: no workers', ok: false });
  });

  it('selects by digit, crashes and restarts the selection', async () => {
    const t = setup();
    await t.run({ kind: 'crash' });
    expect(t.last()).toMatchObject({
      ok: false,
      text: expect.stringMatching(/Select a service first: keys 1–5/),
    });
    await t.run({ kind: 'select', slot: 2 });
    expect(t.view.selectedProcess).toBe('payment');
    await t.run({ kind: 'restart' });
    expect(t.controller.restart).not.toHaveBeenCalled();
    expect(t.last().ok).toBe(false);
    await t.run({ kind: 'crash' });
    expect(t.controller.crashNow).toHaveBeenCalledWith('payment');
    t.state.processes.payment = { status: 'crashed', armed: null, crashedAt: null };
    await t.run({ kind: 'crash' });
    expect(t.controller.crashNow).toHaveBeenCalledOnce();
    await t.run({ kind: 'restart' });
    expect(t.controller.restart).toHaveBeenCalledWith('payment');
    expect(t.last()).toMatchObject({ ok: true, text: expect.stringMatching(/payment restarted/) });
  });

  it('selects the broker with 5 and nothing with 6 when there is no orchestrator', async () => {
    const t = setup();
    await t.run({ kind: 'select', slot: 5 });
    expect(t.view.selectedProcess).toBe('broker');
    await t.run({ kind: 'select', slot: 6 });
    expect(t.view.selectedProcess).toBe('broker');
    expect(t.last().ok).toBe(false);
  });

  it('moves through the narrative, and says when there is none or no further step', async () => {
    const none = setup();
    await none.run({ kind: 'next' });
    expect(none.last()).toEqual({ text: 'This scenario has no narrative.', ok: false });

    const t = setup({ length: 3, step: 1 });
    await t.run({ kind: 'next' });
    expect(t.narrative.next).toHaveBeenCalledOnce();
    expect(t.last().text).toBe('Narrative step 3 / 3');
    await t.run({ kind: 'previous' });
    expect(t.last().text).toBe('Narrative step 1 / 3');

    const end = setup({ length: 3, step: 2 });
    await end.run({ kind: 'next' });
    expect(end.narrative.next).not.toHaveBeenCalled();
  });

  it('starts a narrative not yet started, and waits while a step runs', async () => {
    const fresh = setup({ length: 4, started: false });
    await fresh.run({ kind: 'next' });
    expect(fresh.narrative.next).toHaveBeenCalledOnce();
    expect(fresh.last()).toEqual({ text: 'Narrative step 1 / 4', ok: true });

    const busy = setup({ length: 4, step: 1, started: true, activity: 'action' });
    await busy.run({ kind: 'next' });
    await busy.run({ kind: 'previous' });
    expect(busy.narrative.next).not.toHaveBeenCalled();
    expect(busy.narrative.previous).not.toHaveBeenCalled();
    expect(busy.last()).toMatchObject({ ok: false, text: expect.stringMatching(/still running/) });
  });

  it('holds n at a question, and reveals it with v for the room', async () => {
    const asking = setup({ length: 4, step: 1, started: true, asking: true });
    await asking.run({ kind: 'next' });
    expect(asking.narrative.next).not.toHaveBeenCalled();
    expect(asking.last()).toMatchObject({ ok: false, text: expect.stringMatching(/v reveals/) });
    await asking.run({ kind: 'reveal' });
    expect(asking.narrative.answer).toHaveBeenCalledWith(0, 'room');
    expect(asking.last()).toMatchObject({ ok: true });

    const none = setup({ length: 4, step: 1, started: true });
    await none.run({ kind: 'reveal' });
    expect(none.narrative.answer).not.toHaveBeenCalled();
    expect(none.last()).toEqual({ text: 'No question is waiting for an answer.', ok: false });
  });

  it('places an order and names it', async () => {
    const t = setup({ mode: 'live' });
    await t.run({ kind: 'order' });
    expect(t.controller.placeOrder).toHaveBeenCalledOnce();
    expect(t.last().text).toBe('Order o-1 placed');
  });

  it('leaves help and close to the dialog', async () => {
    const t = setup();
    await t.run({ kind: 'help' });
    await t.run({ kind: 'close' });
    expect(t.said).toEqual([]);
  });
});
