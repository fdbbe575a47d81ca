// The "before" approaches, driven through the real workers: each shows the
// failure the seed predicts, and the pattern that replaced it does not.
import { test, expect, type PlaygroundPage } from './fixtures';

async function invariantsAfterSettle(playground: PlaygroundPage): Promise<string[]> {
  await playground.api((api) => api.settle(60_000));
  return (await playground.api((api) => api.anomalies())).map((a) => a.invariant).sort();
}

for (const publishing of ['dual-write', 'outbox'] as const) {
  test(`${publishing}: the order service dies between commit and publish`, async ({ playground }) => {
    await playground.open(`pace=fast&publishing=${publishing}`);
    await playground.api((api) => api.crashAt('order', 'after-commit-before-publish'));
    const failed = await playground.api((api) =>
      api.placeOrder().then(
        () => 'placed',
        (e: Error) => e.message,
      ),
    );
    expect(failed).toMatch(/order crashed/);
    await playground.api((api) => api.restart('order'));
    const found = await invariantsAfterSettle(playground);
    expect(found).toEqual(publishing === 'dual-write' ? ['no-event-lost', 'no-order-stuck'] : []);
  });
}

test('direct calls: out of stock after the charge leaves the customer charged for nothing', async ({
  playground,
}) => {
  await playground.open('pace=fast&ordering=direct-calls');
  await playground.api((api) =>
    api.editRow('inventory', 'stock', { sku: 'SKU-MUG', available: 0, reserved: 0 }),
  );
  await playground.api((api) => api.placeOrder({ customerId: 'dave', items: [{ sku: 'SKU-MUG', qty: 1 }] }));
  expect(await invariantsAfterSettle(playground)).toEqual(['saga-fully-compensated']);
});

test('two-phase commit: a coordinator killed after prepare blocks orders for the same stock until it returns', async ({
  playground,
}) => {
  await playground.open('pace=fast&ordering=two-phase-commit');
  await playground.api((api) => api.crashAt('order', 'coordinator-after-prepare'));
  const lamp = (customerId: string) => ({ customerId, items: [{ sku: 'SKU-LAMP', qty: 1 }] });
  await playground.api(
    (api, orders) => Promise.allSettled(orders.map((o) => api.placeOrder(o))),
    [lamp('alice'), lamp('bob')],
  );
  await expect.poll(() => playground.api((api) => api.status('order'))).toBe('crashed');
  await expect
    .poll(async () => (await playground.api((api) => api.snapshot())).services.inventory.lockWaits.length)
    .toBe(1);
  const held = (await playground.api((api) => api.snapshot())).services.inventory.locks as {
    resource: string;
  }[];
  expect(held.map((l) => l.resource)).toEqual(['stock:SKU-LAMP']);

  await playground.api((api) => api.restart('order'));
  expect(await invariantsAfterSettle(playground)).toEqual([]);
  const orders = (await playground.api((api) => api.snapshot())).services.order.orders as {
    status: string;
  }[];
  expect(orders.map((o) => o.status)).toEqual(['COMPLETED', 'COMPLETED']);
});
