// The fake and the wiring together: what the UI's stores hold after the
// toolbar's actions, a race, a rebuild and read-your-writes.

import { afterEach, describe, expect, it } from 'vitest';
import { connectEs } from './connectEs';
import { createEsFactsStore } from './esStore';
import { createFakeEsController, type FakeEsController } from './fakeEsController';

const until = async (check: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

let fake: FakeEsController;
afterEach(() => fake.dispose());

describe('the fake EsController behind the UI stores', () => {
  it('polls streams and read models into the facts', async () => {
    fake = createFakeEsController({ projectEveryMs: 10, projectBatch: 100, snapshotEvery: 2 });
    const facts = createEsFactsStore();
    const disconnect = connectEs(fake, facts, 20);
    await fake.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await fake.orderCommand('order-1', { type: 'addItem', sku: 'SKU-LAMP', qty: 1, price: 60 });
    await until(() => facts.getState().readModels.orderSummaries?.[0]?.version === 2);
    expect(facts.getState().streams).toEqual([
      { store: 'orders', id: 'order-1', version: 2, snapshotVersion: 2 },
    ]);
    expect(facts.getState().snapshotsSeen['order-1']).toEqual([2]);
    expect(facts.getState().processes.query.status).toBe('running');
    disconnect();
  });

  it('loads with and without snapshots at different costs', async () => {
    fake = createFakeEsController({ snapshotEvery: 100 });
    await fake.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await fake.growOrder('order-1', 260); // snapshots at multiples of 100
    const stats = await fake.loadStats('order-1');
    expect(stats.withSnapshots).toMatchObject({ snapshotVersion: 200, eventsRead: 61 });
    expect(stats.withoutSnapshots).toMatchObject({ snapshotVersion: null, eventsRead: 261 });
    expect((await fake.stateAt('order-1', 1)).state).toMatchObject({ status: 'DRAFT', lines: [] });
  });

  it('dies at an armed crash point and says where', async () => {
    fake = createFakeEsController({ snapshotEvery: 2 });
    const facts = createEsFactsStore();
    const disconnect = connectEs(fake, facts, 1000);
    fake.crashAt('orders', 'es-after-append-before-snapshot');
    expect(facts.getState().processes.orders.armed).toBe('es-after-append-before-snapshot');
    await fake.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await expect(
      fake.orderCommand('order-1', { type: 'addItem', sku: 'SKU-MUG', qty: 1, price: 12 }),
    ).rejects.toThrow(/crashed/);
    expect(facts.getState().processes.orders).toEqual({
      status: 'crashed',
      crashedAt: 'es-after-append-before-snapshot',
      armed: null,
    });
    await fake.restart('orders');
    expect(facts.getState().processes.orders.status).toBe('running');
    expect((await fake.streams())[0]).toMatchObject({ version: 2, snapshotVersion: null });
    disconnect();
  });

  it('stages a race: the loser is told the version was wrong and retries', async () => {
    fake = createFakeEsController();
    await fake.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    const race = await fake.stageRace('order-1');
    expect(race.conflicts).toBe(1);
    expect(race.message).toMatch(/wrong expected version for order-1: expected 1, the stream is at 2/);
  });

  it('reads its own write only under a remedy', async () => {
    fake = createFakeEsController({ projectEveryMs: 30, projectBatch: 100 });
    const eventual = await fake.readYourWrites('eventual');
    expect(eventual.firstRead).toBeNull();
    expect(eventual.shown).toBeNull();
    const polled = await fake.readYourWrites('poll-read-model');
    expect(polled.reads).toBeGreaterThan(1);
    expect(polled.shown).toMatchObject({ id: polled.orderId, version: 2 });
  });

  it('reports rebuild progress until finished', async () => {
    fake = createFakeEsController({ projectEveryMs: 10, projectBatch: 100 });
    const facts = createEsFactsStore();
    const disconnect = connectEs(fake, facts, 20);
    await fake.accountCommand('acct-1', { type: 'open', owner: 'Ada' });
    await fake.accountCommand('acct-1', { type: 'deposit', amount: 100 });
    await fake.rebuildReadModel('balances');
    expect(facts.getState().rebuilds.balances).toEqual({ done: 2, total: 2, finished: true });
    await until(() => facts.getState().readModels.balances?.[0]?.balance === 100);
    disconnect();
  });
});
