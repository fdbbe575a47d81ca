import { describe, expect, it, vi } from 'vitest';
import { PlaygroundError } from '../../runtime/errors';
import { liveSimState } from '../../runtime/stepDriver';
import { actionText, isProcessDown, performAction, type GuideController } from './narrativeActions';

function fakeController(overrides: Partial<GuideController> = {}): GuideController {
  return {
    step: vi.fn(async () => {}),
    runToEnd: vi.fn(async () => {}),
    placeOrder: vi.fn(async () => 'o-1'),
    restart: vi.fn(async () => {}),
    settle: vi.fn(async () => {}),
    status: vi.fn(() => 'running' as const),
    mode: 'live',
    simState: () => liveSimState(1, 0, true),
    snapshot: async () => ({ services: {} }) as unknown as Awaited<ReturnType<GuideController['snapshot']>>,
    ...overrides,
  };
}

describe('performAction', () => {
  it('restarts a process whose planned crash fires a moment later, once it has crashed', async () => {
    let status: 'running' | 'crashed' = 'running';
    setTimeout(() => (status = 'crashed'), 150);
    const controller = fakeController({ status: vi.fn(() => status) });
    expect(
      await performAction(
        { kind: 'restart', process: 'payment', whenCrashed: true },
        { controller, showTab: () => {} },
      ),
    ).toBeNull();
    expect(controller.restart).toHaveBeenCalledWith('payment');
  });

  it('grants exactly the steps asked for', async () => {
    const controller = fakeController();
    expect(await performAction({ kind: 'steps', count: 3 }, { controller, showTab: () => {} })).toBeNull();
    expect(controller.step).toHaveBeenCalledTimes(3);
  });

  it('runs to the end, restarts, settles', async () => {
    const controller = fakeController();
    const deps = { controller, showTab: () => {} };
    await performAction({ kind: 'runToEnd' }, deps);
    await performAction({ kind: 'restart', process: 'order' }, deps);
    await performAction({ kind: 'settle' }, deps);
    expect(controller.runToEnd).toHaveBeenCalledOnce();
    expect(controller.restart).toHaveBeenCalledWith('order');
    expect(controller.settle).toHaveBeenCalledOnce();
  });

  it('brings a tab forward', async () => {
    const showTab = vi.fn();
    await performAction({ kind: 'showTab', tab: 'anomalies' }, { controller: fakeController(), showTab });
    expect(showTab).toHaveBeenCalledWith('anomalies');
  });

  it('places every order, and reports orders a planned crash cut off as a note', async () => {
    let n = 0;
    const controller = fakeController({
      placeOrder: vi.fn(async () => {
        if (n++ === 0) return 'o-1';
        throw new PlaygroundError('PROCESS_DOWN', 'order crashed');
      }),
    });
    const note = await performAction({ kind: 'placeOrders', count: 2 }, { controller, showTab: () => {} });
    expect(controller.placeOrder).toHaveBeenCalledTimes(2);
    expect(note).toBe('1 order of 2 got no answer: the order service went down while placing it.');
  });

  it('fails on any other error', async () => {
    const controller = fakeController({
      placeOrder: vi.fn(async () => Promise.reject(new Error('no IndexedDB'))),
    });
    await expect(
      performAction({ kind: 'placeOrders', count: 2 }, { controller, showTab: () => {} }),
    ).rejects.toThrow('no IndexedDB');
  });
});

describe('actionText', () => {
  it('says what arriving does, and did', () => {
    expect(actionText({ kind: 'steps', count: 1 }, 'shop')).toBe('grants 1 step');
    expect(actionText({ kind: 'steps', count: 8 }, 'shop', 'past')).toBe('granted 8 steps');
    expect(actionText({ kind: 'placeOrders', count: 2 }, 'shop')).toBe('places 2 orders');
    expect(actionText({ kind: 'showTab', tab: 'faults' }, 'shop')).toBe('opens the Faults tab');
    expect(actionText({ kind: 'restart', process: 'order' }, 'shop', 'past')).toBe('restarted order');
  });
});

describe('isProcessDown', () => {
  it('recognises the conductor’s PROCESS_DOWN only', () => {
    expect(isProcessDown(new PlaygroundError('PROCESS_DOWN'))).toBe(true);
    expect(isProcessDown(new PlaygroundError('SETTLE_TIMEOUT'))).toBe(false);
    expect(isProcessDown('PROCESS_DOWN')).toBe(false);
  });
});

describe('event-sourced actions on the shop page', () => {
  it('are named in their own run, but rejected here: this page has no event store', async () => {
    expect(actionText({ kind: 'growOrder', count: 10_000 }, 'event-sourced')).toBe(
      'grows the order by 10,000 events',
    );
    expect(actionText({ kind: 'readYourWrites', remedy: 'eventual' }, 'event-sourced', 'past')).toBe(
      'wrote an order and read it at once, accepting eventual consistency',
    );
    expect(actionText({ kind: 'growOrder', count: 10 }, 'shop')).toBe(
      '"growOrder" is not something a shop run can do',
    );
    await expect(
      performAction({ kind: 'newOrder' }, { controller: fakeController(), showTab: () => {} }),
    ).rejects.toThrow('"newOrder" is not something a shop run can do');
  });
});
