// A saga step that times out is an unknown outcome: it is compensated too, and
// the participant refuses the late command (a semantic lock). Past the pivot the
// saga only goes forward. Each run below once ended with a cancelled order still
// charged, reserved or shipped, or a completed order refunded with its saga stuck.

import { test, expect, type PlaygroundPage } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';
import type { ServiceName } from '../src/core/rows';

type Row = Record<string, unknown>;

/** Every order with what is left of it: charges, reservations and shipments still standing, and refunds. */
async function ordersAndLeftovers(playground: PlaygroundPage) {
  const { services } = await playground.api((api) => api.snapshot());
  const of = (service: string, table: string) =>
    ((services as Record<string, Record<string, Row[]>>)[service]?.[table] ?? []) as Row[];
  const count = (rows: Row[], orderId: unknown, status: string) =>
    rows.filter((r) => r.orderId === orderId && r.status === status).length;
  return of('order', 'orders').map((o) => ({
    id: o.id as string,
    status: o.status as string,
    charged: count(of('payment', 'payments'), o.id, 'CHARGED'),
    refunded: count(of('payment', 'payments'), o.id, 'REFUNDED'),
    reserved: count(of('inventory', 'reservations'), o.id, 'RESERVED'),
    shipped: count(of('shipping', 'shipments'), o.id, 'SCHEDULED'),
  }));
}

/** Completed with exactly one of each and no refund, or cancelled with nothing left; no saga still running. */
async function expectEveryOrderConsistent(playground: PlaygroundPage, count: number) {
  const orders = await ordersAndLeftovers(playground);
  expect(orders).toHaveLength(count);
  for (const order of orders) {
    if (order.status === 'COMPLETED')
      expect(order, order.id).toMatchObject({ charged: 1, refunded: 0, reserved: 1, shipped: 1 });
    else expect(order, order.id).toMatchObject({ status: 'CANCELLED', charged: 0, reserved: 0, shipped: 0 });
  }
  const sagas = await playground.api((api) => api.sagas());
  expect(sagas.filter((s) => s.status !== 'COMPLETED' && s.status !== 'COMPENSATED')).toEqual([]);
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
  return orders;
}

const delayed = (group: ServiceName, type: string): Scenario => ({
  ...DEFAULT_SCENARIO,
  mode: 'deterministic',
  pace: 'fast',
  sagaStyle: 'orchestration',
  seed: 3,
  orders: 1,
  faults: [{ kind: 'delay', group, type, ms: 30_000 }],
});

for (const [service, command, step] of [
  ['payment', 'ProcessPayment', 'processPayment'],
  ['inventory', 'ReserveInventory', 'reserveInventory'],
  ['shipping', 'ScheduleShipment', 'scheduleShipping'],
] as const) {
  test(`${command} held back 30 s: the timed-out step is compensated and the late command refused`, async ({
    playground,
  }) => {
    await playground.open(`x=1${encodeScenario(delayed(service, command))}`);
    await playground.api((api) => api.runToEnd());
    const [order] = await expectEveryOrderConsistent(playground, 1);
    expect(order.status).toBe('CANCELLED');
    const [saga] = await playground.api((api) => api.sagas());
    expect(saga.status).toBe('COMPENSATED');
    expect(saga.compensated[0]).toBe(step); // the unknown step is undone first
    const refused = saga.history.filter((h) => h.kind === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]).toMatchObject({ step });
    expect(refused[0].detail).toContain('semantic lock');
    // On the canvas: the participant says it turned late commands away.
    await expect(playground.node(service).getByTestId('late-refused')).toContainText('late refused');
    await expect(playground.node('orchestrator')).toContainText('late refused');
  });
}

test('CompleteOrder held back 30 s: past the pivot the saga only goes forward and the order completes', async ({
  playground,
}) => {
  await playground.open(`x=1${encodeScenario(delayed('order', 'CompleteOrder'))}`);
  await playground.api((api) => api.runToEnd());
  const [order] = await expectEveryOrderConsistent(playground, 1);
  expect(order.status).toBe('COMPLETED');
  const [saga] = await playground.api((api) => api.sagas());
  expect(saga.status).toBe('COMPLETED');
  expect(saga.compensated).toEqual([]);
  expect(saga.history.filter((h) => h.kind === 'retry' && h.step === 'completeOrder').length).toBeGreaterThan(
    3,
  );
});

for (const speed of [1, 20])
  for (const service of ['payment', 'shipping'] as const)
    test(`${service} down 21 s of simulation time at speed ${speed}, three orders: each ends whole or wholly undone`, async ({
      playground,
    }) => {
      await playground.open('pace=fast&style=orchestration');
      await playground.api((api, s) => api.setSpeed(s), speed);
      await playground.api((api, s) => api.crashNow(s), service);
      await expect.poll(() => playground.api((api, s) => api.status(s), service)).toBe('crashed');
      const from = await playground.api((api) => api.sim().simTime);
      await playground.api((api) => api.placeOrders(3));
      // Longer than the saga's retries (four 4 s timeouts and their backoffs): every saga gives the step up.
      await expect
        .poll(() => playground.api((api) => api.sim().simTime), { timeout: 60_000, intervals: [250] })
        .toBeGreaterThan(from + 21_000);
      await playground.api((api, s) => api.restart(s), service);
      await playground.api((api) => api.settle(120_000));
      await expectEveryOrderConsistent(playground, 3);
    });

test('60 orders at speed 20 under random crashes of every process, broker and orchestrator included, then settle: every order consistent', async ({
  playground,
}) => {
  test.setTimeout(300_000);
  await playground.open('pace=fast&style=orchestration');
  await playground.api((api) => api.setSpeed(20));
  const processes = ['broker', 'orchestrator', 'order', 'payment', 'inventory', 'shipping'] as const;
  // A fixed sequence, so a failure can be replayed: which process dies after each batch, and for how long (real ms).
  let state = 14;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let batch = 0; batch < 12; batch++) {
    await playground.api((api) => api.placeOrders(5));
    const victim = processes[Math.floor(next() * processes.length)];
    await playground.api((api, p) => api.crashNow(p), victim);
    // Up to 2.5 s real time: at speed 20, up to 50 s of simulation time, well past the saga's retry window.
    await playground.page.waitForTimeout(Math.floor(next() * 2500));
    await playground.api((api, p) => api.restart(p), victim);
  }
  await playground.api((api) => api.settle(180_000));
  await expectEveryOrderConsistent(playground, 60);
});
