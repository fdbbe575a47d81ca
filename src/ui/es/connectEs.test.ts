// A real event-sourced run (its hosts in this process, see
// src/test/inProcessEsController.ts) and the page's wiring together: what the
// UI's stores hold after the toolbar's actions, a crash, a race, a rebuild and
// read-your-writes.

import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessEsController, type InProcessEsController } from '../../test/inProcessEsController';
import { until } from '../../test/until';
import { connectEs } from './connectEs';
import { createEsFactsStore } from './esStore';

let run: InProcessEsController | undefined;
afterEach(() => run?.dispose());

/** The bank's own accounts, opened by a fresh bank: streams at 2, 2 and 1 events (snapshots every 2). */
const OPENING_STREAMS = [
  { store: 'bank', id: 'acc-alice', version: 2, snapshotVersion: 2 },
  { store: 'bank', id: 'acc-bob', version: 2, snapshotVersion: 2 },
  { store: 'bank', id: 'acc-carol', version: 1, snapshotVersion: null },
];

describe('a real event-sourced run behind the UI stores', () => {
  it('polls streams and read models into the facts', async () => {
    run = await createInProcessEsController({ scenario: { snapshotEvery: 2 } });
    const facts = createEsFactsStore();
    const disconnect = connectEs(run, facts, 20);
    await run.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await run.orderCommand('order-1', { type: 'addItem', sku: 'SKU-LAMP', qty: 1, price: 60 });
    await run.settle();
    await until(() => facts.getState().readModels.orderSummaries?.[0]?.version === 2);
    expect(facts.getState().streams).toEqual([
      { store: 'orders', id: 'order-1', version: 2, snapshotVersion: 2 },
      ...OPENING_STREAMS,
    ]);
    expect(facts.getState().snapshotsSeen['order-1']).toEqual([2]);
    expect(facts.getState().processes.query.status).toBe('running');
    expect(run.anomalies()).toEqual([]);
    disconnect();
  });

  it('loads with and without snapshots at different costs', async () => {
    run = await createInProcessEsController({ scenario: { snapshotEvery: 100 } });
    await run.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await run.growOrder('order-1', 260); // snapshots at multiples of 100
    const stats = await run.loadStats('order-1');
    expect(stats.withSnapshots).toMatchObject({ snapshotVersion: 200, eventsRead: 61 });
    expect(stats.withoutSnapshots).toMatchObject({ snapshotVersion: null, eventsRead: 261 });
    expect((await run.stateAt('order-1', 1)).state).toMatchObject({ status: 'DRAFT', lines: [] });
  });

  it('dies at an armed crash point and says where', async () => {
    run = await createInProcessEsController({ scenario: { snapshotEvery: 2 } });
    const facts = createEsFactsStore();
    const disconnect = connectEs(run, facts, 1000);
    run.crashAt('orders', 'es-after-append-before-snapshot');
    expect(facts.getState().processes.orders.armed).toBe('es-after-append-before-snapshot');
    await run.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await expect(
      run.orderCommand('order-1', { type: 'addItem', sku: 'SKU-MUG', qty: 1, price: 12 }),
    ).rejects.toThrow(/crashed/);
    expect(facts.getState().processes.orders).toEqual({
      status: 'crashed',
      crashedAt: 'es-after-append-before-snapshot',
      armed: null,
    });
    await run.restart('orders');
    expect(facts.getState().processes.orders.status).toBe('running');
    expect((await run.streams())[0]).toMatchObject({ version: 2, snapshotVersion: null });
    disconnect();
  });

  it('stages a race: the loser is told the version was wrong and retries', async () => {
    run = await createInProcessEsController();
    await run.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    const race = await run.stageRace('order-1');
    expect(race.conflicts).toBe(1);
    expect(race.message).toMatch(/wrong expected version for order-1: expected 1, the stream is at 2/);
  });

  it('reads its own write only under a remedy', async () => {
    // Held: the query service projects only while the poll waits, so the first read always comes too early.
    run = await createInProcessEsController({ projector: 'held' });
    const eventual = await run.readYourWrites('eventual');
    expect(eventual.firstRead).toBeNull();
    expect(eventual.shown).toBeNull();
    const polled = await run.readYourWrites('poll-read-model');
    expect(polled.reads).toBeGreaterThan(1);
    expect(polled.shown).toMatchObject({ id: polled.orderId, version: 2 });
  });

  it('reports rebuild progress until finished', async () => {
    run = await createInProcessEsController();
    const facts = createEsFactsStore();
    const disconnect = connectEs(run, facts, 20);
    await run.accountCommand('acct-1', { type: 'open', owner: 'Ada' });
    await run.accountCommand('acct-1', { type: 'deposit', amount: 100 });
    await run.rebuildReadModel('balances');
    // The bank's log: 5 events opening its own accounts, then acct-1's 2.
    expect(facts.getState().rebuilds.balances).toEqual({ done: 7, total: 7, finished: true });
    await run.settle();
    await until(() => facts.getState().readModels.balances?.find((b) => b.id === 'acct-1')?.balance === 100);
    expect(run.anomalies()).toEqual([]);
    disconnect();
  });
});
