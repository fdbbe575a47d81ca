import { test, expect, type PlaygroundPage } from './fixtures';

type Saga = {
  orderId: string;
  status: string;
  style: string;
  completed: string[];
  compensated: string[];
  history: { kind: string }[];
};

async function sagas(playground: PlaygroundPage): Promise<Saga[]> {
  return playground.api((api) => api.sagas()) as Promise<Saga[]>;
}

async function settle(playground: PlaygroundPage) {
  await playground.api((api) => api.settle(60_000));
}

test.describe('orchestration', () => {
  test.beforeEach(async ({ playground }) => {
    await playground.open('pace=fast&style=orchestration');
  });

  test('happy path: 20 orders, every saga completes every step', async ({ playground }) => {
    const ids = await playground.api((api) => api.placeOrders(20));
    await settle(playground);
    const all = await sagas(playground);
    expect(all.map((s) => s.orderId).sort()).toEqual([...ids].sort());
    for (const saga of all) {
      expect(saga.style).toBe('orchestration');
      expect(saga.status).toBe('COMPLETED');
      expect(saga.completed).toEqual([
        'createOrder',
        'reserveInventory',
        'processPayment',
        'scheduleShipping',
        'completeOrder',
      ]);
    }
    expect(await playground.api((api) => api.anomalies())).toEqual([]);
  });

  test('a region we do not serve: payment refunded, stock released, order CANCELLED', async ({
    playground,
  }) => {
    const id = await playground.api((api) =>
      api.placeOrder({ customerId: 'bob', items: [{ sku: 'SKU-LAMP', qty: 2 }], region: 'MOON' }),
    );
    await settle(playground);
    const [saga] = (await sagas(playground)).filter((s) => s.orderId === id);
    expect(saga.status).toBe('COMPENSATED');
    expect(saga.compensated).toEqual(['processPayment', 'reserveInventory', 'createOrder']); // reverse order
    const snapshot = await playground.api((api) => api.snapshot());
    expect((snapshot.services.order.orders as { status: string }[])[0].status).toBe('CANCELLED');
    expect((snapshot.services.payment.payments as { status: string }[])[0].status).toBe('REFUNDED');
    expect(snapshot.services.inventory.stock).toContainEqual({
      sku: 'SKU-LAMP',
      available: 1000,
      reserved: 0,
    });
    expect(await playground.api((api) => api.anomalies())).toEqual([]);
  });

  test('orchestrator killed between each pair of steps of one saga: it continues from its database every time', async ({
    playground,
  }) => {
    // One order at a time: its saga's k-th command commit is the moment between step k and step k+1.
    const STEPS = ['reserveInventory', 'processPayment', 'scheduleShipping', 'completeOrder'];
    for (let k = 1; k <= STEPS.length; k++) {
      await playground.api((api, nth) => api.crashAt('orchestrator', 'after-commit-before-publish', nth), k);
      const id = await playground.api((api) => api.placeOrder());
      await expect.poll(() => playground.api((api) => api.status('orchestrator'))).toBe('crashed');
      const at = (await playground.api((api) => api.sagas())).find((s) => s.orderId === id)!;
      expect(at.step).toBe(STEPS[k - 1]); // died right after committing the command for this step
      await playground.api((api) => api.restart('orchestrator'));
      await settle(playground);
      const saga = (await playground.api((api) => api.sagas())).find((s) => s.orderId === id)!;
      expect(saga.status).toBe('COMPLETED');
    }
    const payments = (await playground.api((api) => api.snapshot())).services.payment.payments as {
      orderId: string;
    }[];
    expect(new Set(payments.map((p) => p.orderId)).size).toBe(payments.length); // one charge per order
    expect(await playground.api((api) => api.anomalies())).toEqual([]);
  });

  test('orchestrator killed between steps again and again: every saga still ends cleanly', async ({
    playground,
  }) => {
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      await playground.api((api) => api.crashAt('orchestrator', 'after-commit-before-publish'));
      ids.push(...(await playground.api((api) => api.placeOrders(5))));
      await expect.poll(() => playground.api((api) => api.status('orchestrator'))).toBe('crashed');
      await playground.api((api) => api.restart('orchestrator'));
    }
    // One order that must compensate, with the orchestrator dying mid-compensation too.
    const failing = await playground.api((api) =>
      api.placeOrder({ customerId: 'carol', items: [{ sku: 'SKU-MUG', qty: 1 }], region: 'MOON' }),
    );
    await playground.api((api) => api.crashAt('orchestrator', 'consumer-after-commit-before-ack'));
    await expect.poll(() => playground.api((api) => api.status('orchestrator'))).toBe('crashed');
    await playground.api((api) => api.restart('orchestrator'));
    await settle(playground);

    const all = await sagas(playground);
    expect(all).toHaveLength(21);
    for (const saga of all) expect(saga.status).toBe(saga.orderId === failing ? 'COMPENSATED' : 'COMPLETED');
    const payments = (await playground.api((api) => api.snapshot())).services.payment.payments as {
      orderId: string;
      status: string;
    }[];
    expect(
      payments
        .filter((p) => p.status === 'CHARGED')
        .map((p) => p.orderId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(payments.filter((p) => p.orderId === failing).map((p) => p.status)).toEqual(['REFUNDED']);
    expect(await playground.api((api) => api.anomalies())).toEqual([]);
  });
});

test.describe('choreography', () => {
  test('out of stock: InventoryReservationFailed → payment refunded → order CANCELLED', async ({
    playground,
  }) => {
    await playground.api((api) =>
      api.editRow('inventory', 'stock', { sku: 'SKU-LAMP', available: 0, reserved: 0 }),
    );
    const id = await playground.api((api) =>
      api.placeOrder({ customerId: 'alice', items: [{ sku: 'SKU-LAMP', qty: 1 }] }),
    );
    await settle(playground);
    const [saga] = (await sagas(playground)).filter((s) => s.orderId === id);
    expect(saga.style).toBe('choreography');
    expect(saga.status).toBe('COMPENSATED');
    const snapshot = await playground.api((api) => api.snapshot());
    expect((snapshot.services.payment.payments as { status: string }[])[0].status).toBe('REFUNDED');
    expect((snapshot.services.order.orders as { status: string }[])[0].status).toBe('CANCELLED');
    expect(snapshot.services.inventory.stock).toContainEqual({ sku: 'SKU-LAMP', available: 0, reserved: 0 });
    expect(saga.history.map((h) => (h as unknown as { detail: string }).detail)).toEqual([
      'OrderCreated',
      'PaymentCompleted',
      'InventoryReservationFailed',
      'PaymentRefunded',
    ]);
  });
});

test.describe('idempotency keys', () => {
  for (const idempotencyKeys of [false, true]) {
    test(`duplicate delivery with the key ${idempotencyKeys ? 'on: one charge' : 'off: the double charge is flagged'}`, async ({
      playground,
    }) => {
      // The inbox would skip a redelivered message by its id on its own; turn it off to see what the key alone does.
      await playground.api(
        (api, keys) => api.configure({ inbox: false, idempotencyKeys: keys }),
        idempotencyKeys,
      );
      await playground.api((api) => api.duplicateNext('payment', 'OrderCreated'));
      const id = await playground.api((api) => api.placeOrder());
      await settle(playground);
      const payments = (await playground.api((api) => api.snapshot())).services.payment.payments as {
        orderId: string;
      }[];
      expect(payments.filter((p) => p.orderId === id)).toHaveLength(idempotencyKeys ? 1 : 2);
      const anomalies = await playground.api((api) => api.anomalies());
      expect(anomalies.some((a) => a.invariant === 'no-double-charge')).toBe(!idempotencyKeys);
    });
  }
});
