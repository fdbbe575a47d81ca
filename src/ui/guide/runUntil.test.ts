import { describe, expect, it, vi } from 'vitest';
import type { ProcessStatus } from '../../runtime/controller';
import { MAX_STEPS, runUntil, type UntilRun } from './runUntil';
import { actionText } from './narrativeActions';

/** A run of scripted steps: each step may crash or restart the order service, or commit outbox rows. */
function scripted(steps: ((s: World) => void)[], mode: 'deterministic' | 'live' = 'deterministic') {
  const world: World = { order: 'running', outbox: [], orders: 0 };
  let at = 0;
  const run: UntilRun = {
    mode,
    step: vi.fn(async () => {
      steps[at++]?.(world);
    }),
    simState: () => ({ done: at >= steps.length }),
    status: (p) => (p === 'order' ? world.order : 'running'),
    snapshot: async () => ({
      services: { order: { orders: Array.from({ length: world.orders }, () => ({})), outbox: world.outbox } },
    }),
  };
  return { run, world, granted: () => at };
}
interface World {
  order: ProcessStatus;
  outbox: { id: string; type: string; published_at: number | null }[];
  orders: number;
}

const crash = (w: World) => void (w.order = 'crashed');
const restart = (w: World) => void (w.order = 'running');
const nothing = () => {};

describe('runUntil', () => {
  it('stops on the step that crashed the process, before the restart that comes next', async () => {
    const { run, granted, world } = scripted([nothing, crash, restart, nothing]);
    expect(await runUntil({ kind: 'crash', process: 'order' }, run)).toBeNull();
    expect(granted()).toBe(2);
    expect(world.order).toBe('crashed');
    expect(await runUntil({ kind: 'restart', process: 'order' }, run)).toBeNull();
    expect(granted()).toBe(3);
  });

  it('waits for the rows pending when it began, not for rows committed meanwhile', async () => {
    const pending = { id: 'a', type: 'OrderCreated', published_at: null as number | null };
    const { run, granted } = scripted([
      (w) => void w.outbox.push(pending),
      (w) => void w.outbox.push({ id: 'b', type: 'OrderCreated', published_at: null }),
      () => void (pending.published_at = 1),
      nothing,
    ]);
    await run.step();
    expect(await runUntil({ kind: 'published', service: 'order' }, run)).toBeNull();
    expect(granted()).toBe(3);
  });

  it('counts orders and emitted rows from where it began', async () => {
    const { run, granted } = scripted([
      (w) => void w.orders++,
      nothing,
      (w) => void w.orders++,
      (w) => void w.outbox.push({ id: 'c', type: 'OrderCancelled', published_at: null }),
    ]);
    await run.step();
    expect(await runUntil({ kind: 'placed' }, run)).toBeNull();
    expect(granted()).toBe(3);
    expect(await runUntil({ kind: 'emitted', service: 'order', type: 'OrderCancelled' }, run)).toBeNull();
    expect(granted()).toBe(4);
  });

  it('says so when the run ends without the beat, or when nothing is pending to publish', async () => {
    const { run } = scripted([nothing, nothing]);
    expect(await runUntil({ kind: 'crash', process: 'order' }, run)).toBe(
      'The run ended after 2 more steps without this step’s moment (order crashes): has its setup changed?',
    );
    expect(await runUntil({ kind: 'published', service: 'order' }, scripted([nothing]).run)).toBe(
      'order’s outbox had no pending row to publish.',
    );
  });

  it('gives up after its bound of steps', async () => {
    const { run, granted } = scripted(Array.from({ length: MAX_STEPS + 5 }, () => nothing));
    expect(await runUntil({ kind: 'crash', process: 'order' }, run)).toMatch(/^Stopped after 1,?000 steps/);
    expect(granted()).toBe(MAX_STEPS);
  });

  it('in a live run grants nothing: it waits for the run to get there', async () => {
    const { run, world } = scripted([], 'live');
    setTimeout(() => crash(world), 150);
    expect(await runUntil({ kind: 'crash', process: 'order' }, run)).toBeNull();
    expect(run.step).not.toHaveBeenCalled();
  });
});

describe('the guide’s line for a beat', () => {
  it('reads as a sentence, present and past', () => {
    expect(actionText({ kind: 'stepUntil', beat: { kind: 'crash', process: 'order' } }, 'shop')).toBe(
      'runs until order crashes',
    );
    expect(
      actionText({ kind: 'stepUntil', beat: { kind: 'restart', process: 'order' } }, 'shop', 'past'),
    ).toBe('ran until order was running again');
    expect(actionText({ kind: 'stepUntil', beat: { kind: 'published', service: 'order' } }, 'shop')).toBe(
      'runs until order’s pending outbox rows are published',
    );
    expect(
      actionText(
        { kind: 'stepUntil', beat: { kind: 'emitted', service: 'inventory', type: 'InventoryReserved' } },
        'shop',
        'past',
      ),
    ).toBe('ran until inventory wrote InventoryReserved to its outbox');
  });
});
