import { describe, expect, it, vi } from 'vitest';
import { PlaygroundError } from '../../../runtime/errors';
import type { ProcessStatus } from '../../../runtime/controller';
import type { LoadStat, StreamInfo } from '../../../runtime/esController';
import { createEsFactsStore, createEsViewStore } from '../esStore';
import { performEsAction, type EsGuideController } from './esNarrativeActions';

const stat = (snapshotVersion: number | null, eventsRead: number): LoadStat => ({
  snapshots: snapshotVersion !== null,
  snapshotVersion,
  eventsRead,
  ms: 2,
});

function setup(
  overrides: Partial<EsGuideController> = {},
  streams: StreamInfo[] = [{ store: 'orders', id: 'order-1', version: 3, snapshotVersion: null }],
) {
  let status: ProcessStatus = 'running';
  const controller: EsGuideController = {
    orderCommand: vi.fn(async () => ({ version: 1, conflicts: 0 })),
    growOrder: vi.fn(async () => {}),
    loadStats: vi.fn(async () => ({ withSnapshots: stat(10_000, 3), withoutSnapshots: stat(null, 10_003) })),
    stageRace: vi.fn(async () => ({
      conflicts: 1,
      message: 'wrong expected version for order-1: expected 3, the stream is at 4',
    })),
    transfer: vi.fn(async () => 't-1'),
    crashAt: vi.fn(() => {
      status = 'crashed';
    }),
    status: vi.fn(() => status),
    restart: vi.fn(async () => {
      status = 'running';
    }),
    rebuildReadModel: vi.fn(async () => {}),
    readYourWrites: vi.fn(async (remedy) => ({
      remedy,
      orderId: 'order-9',
      wrote: null,
      firstRead: null,
      shown: null,
      reads: 1,
    })),
    settle: vi.fn(async () => {}),
    streams: vi.fn(async () => streams),
    ...overrides,
  };
  const facts = createEsFactsStore();
  const view = createEsViewStore('guide');
  const deps = { controller, facts, view, sleep: async () => {} };
  return { controller, facts, view, deps };
}

describe('performEsAction', () => {
  it('makes a new order with a fresh id, chosen so Replay shows it', async () => {
    const { controller, view, deps } = setup();
    await performEsAction({ kind: 'newOrder' }, deps);
    expect(controller.orderCommand).toHaveBeenCalledTimes(3);
    expect(controller.orderCommand).toHaveBeenNthCalledWith(1, 'order-1', {
      type: 'create',
      customerId: 'alice',
    });
    expect(view.getState().chosen).toEqual({ store: 'orders', id: 'order-1' });
  });

  it('grows and measures the newest order, and says what each load read', async () => {
    const { controller, deps } = setup();
    await performEsAction({ kind: 'growOrder', count: 10_000 }, deps);
    expect(controller.growOrder).toHaveBeenCalledWith('order-1', 10_000);
    const note = await performEsAction({ kind: 'measureLoad' }, deps);
    expect(note).toMatch(
      /^order-1: with snapshots: 1 snapshot \(v10,000\) \+ 3 events, .* — without: 10,003 events, .*\. The snapshot load read .*× fewer events\.$/,
    );
  });

  it('refuses to grow an order that does not exist', async () => {
    const { deps } = setup({}, []);
    await expect(performEsAction({ kind: 'growOrder', count: 5 }, deps)).rejects.toThrow(
      'there is no order yet',
    );
  });

  it('records a staged race for the Race tab and quotes the loser', async () => {
    const { facts, deps } = setup();
    expect(await performEsAction({ kind: 'stageRace' }, deps)).toMatch(
      /^The loser was told: wrong expected version/,
    );
    expect(facts.getState().races[0]).toMatchObject({ orderId: 'order-1', conflicts: 1 });
  });

  it('turns a transfer cut off by the bank’s crash into a note; other failures reject', async () => {
    const down = setup({
      transfer: vi.fn(async () => Promise.reject(new PlaygroundError('PROCESS_DOWN', 'bank crashed'))),
    });
    expect(
      await performEsAction({ kind: 'transfer', from: 'acc-bob', to: 'acc-carol', amount: 20 }, down.deps),
    ).toMatch(/bank went down/);
    const broken = setup({ transfer: vi.fn(async () => Promise.reject(new Error('insufficient funds'))) });
    await expect(
      performEsAction({ kind: 'transfer', from: 'acc-bob', to: 'acc-carol', amount: 20 }, broken.deps),
    ).rejects.toThrow('insufficient funds');
  });

  it('restarts a process once its armed crash has fired, and says so when it never did', async () => {
    const { controller, deps } = setup();
    await performEsAction(
      { kind: 'crashAt', process: 'bank', point: 'transfer-after-debit-before-credit' },
      deps,
    );
    expect(await performEsAction({ kind: 'restart', process: 'bank' }, deps)).toBeNull();
    expect(controller.restart).toHaveBeenCalledWith('bank');
    expect(await performEsAction({ kind: 'restart', process: 'query' }, deps)).toBe(
      'query had not crashed: nothing to restart.',
    );
  });

  it('records read-your-writes for its tab and notes the first read', async () => {
    const { facts, deps } = setup();
    expect(await performEsAction({ kind: 'readYourWrites', remedy: 'eventual' }, deps)).toBe(
      'order-9: first read not found; shown not found after 1 read.',
    );
    expect(facts.getState().ryw[0]).toMatchObject({ remedy: 'eventual', orderId: 'order-9' });
  });

  it('rebuilds, settles and opens tabs', async () => {
    const { controller, view, deps } = setup();
    await performEsAction({ kind: 'rebuild', name: 'balances' }, deps);
    await performEsAction({ kind: 'settle' }, deps);
    await performEsAction({ kind: 'showTab', tab: 'ryw' }, deps);
    expect(controller.rebuildReadModel).toHaveBeenCalledWith('balances');
    expect(controller.settle).toHaveBeenCalledOnce();
    expect(view.getState().tab).toBe('ryw');
  });

  it('rejects a shop action: this page has no steps to grant', async () => {
    const { deps } = setup();
    await expect(performEsAction({ kind: 'runToEnd' }, deps)).rejects.toThrow(
      '"runToEnd" is not something an event-sourced run can do',
    );
  });
});
