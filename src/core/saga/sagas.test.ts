import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import type { OrderRow, PaymentRow, SagaRow, StockRow } from '../rows';
import type { SagaStyle } from '../service/definition';
import type { ServiceName } from '../rows';

let h: Harness;
afterEach(() => h?.close());

const ALL: ServiceName[] = ['order', 'payment', 'inventory', 'shipping', 'orchestrator'];
const book = (qty = 1) => ({ customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty }] });

async function start(sagaStyle: SagaStyle) {
  h = createHarness();
  await h.startBroker({ retryBackoffMs: 5 });
  for (const name of ALL) await h.startService(name, { sagaStyle });
}

async function rows<T>(service: ServiceName, table: string): Promise<T[]> {
  return (await h.read(service))[table] as T[];
}

describe('orchestrated saga', () => {
  it('runs every step and completes the order', async () => {
    await start('orchestration');
    const ids = await Promise.all([1, 2, 3].map(() => h.service('order').command('placeOrder', book())));
    await h.settle();
    expect((await rows<OrderRow>('order', 'orders')).map((o) => o.status)).toEqual([
      'COMPLETED',
      'COMPLETED',
      'COMPLETED',
    ]);
    const sagas = await rows<SagaRow>('orchestrator', 'sagas');
    expect(sagas.map((s) => s.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(sagas[0].completed).toEqual([
      'createOrder',
      'reserveInventory',
      'processPayment',
      'scheduleShipping',
      'completeOrder',
    ]);
    expect((await rows<PaymentRow>('payment', 'payments')).map((p) => p.orderId).sort()).toEqual(
      [...(ids as string[])].sort(),
    );
  });

  it('compensates in reverse when shipping cannot serve the region', async () => {
    await start('orchestration');
    await h.service('order').command('placeOrder', { ...book(), region: 'MOON' });
    await h.settle();
    const [saga] = await rows<SagaRow>('orchestrator', 'sagas');
    expect(saga.status).toBe('COMPENSATED');
    expect(saga.compensated).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
    expect((await rows<OrderRow>('order', 'orders'))[0].status).toBe('CANCELLED');
    expect((await rows<PaymentRow>('payment', 'payments'))[0].status).toBe('REFUNDED');
    const stock = (await rows<StockRow>('inventory', 'stock')).find((s) => s.sku === 'SKU-BOOK')!;
    expect(stock).toEqual({ sku: 'SKU-BOOK', available: 1000, reserved: 0 });
  });

  it('continues every saga from its database after the orchestrator is killed between steps', async () => {
    await start('orchestration');
    for (let i = 0; i < 4; i++) await h.service('order').command('placeOrder', book());
    h.arm('orchestrator', 'after-commit-before-publish');
    await expect.poll(() => h.service('orchestrator').crash.dead).toBe(true);
    await h.startService('orchestrator', { sagaStyle: 'orchestration' });
    await h.settle();
    const sagas = await rows<SagaRow>('orchestrator', 'sagas');
    expect(sagas.map((s) => s.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(await rows('payment', 'payments')).toHaveLength(4);
  });
});

describe('choreographed saga', () => {
  it('out of stock: payment refunded, order CANCELLED', async () => {
    await start('choreography');
    await h.service('order').command('placeOrder', book(1001));
    await h.settle();
    expect((await rows<OrderRow>('order', 'orders'))[0].status).toBe('CANCELLED');
    expect((await rows<PaymentRow>('payment', 'payments'))[0].status).toBe('REFUNDED');
    expect(await rows('orchestrator', 'sagas')).toEqual([]);
  });
});

describe('stuck sagas', () => {
  it('parks a saga whose compensation keeps failing, and an operator retry finishes it', async () => {
    await start('orchestration');
    await h.service('inventory').editRow('settings', { key: 'warehouse', compensationFails: true });
    await h.service('order').command('placeOrder', { ...book(), region: 'MOON' });
    await expect
      .poll(async () => (await rows<SagaRow>('orchestrator', 'sagas'))[0]?.status, { timeout: 15_000 })
      .toBe('STUCK');
    const [stuck] = await rows<SagaRow>('orchestrator', 'sagas');
    expect(stuck.stuckReason).toMatch(/ReleaseInventory failed 4 times: WarehouseUnavailable/);
    expect(stuck.compensated).toEqual(['processPayment']);

    await h.service('inventory').editRow('settings', { key: 'warehouse', compensationFails: false });
    await h.service('orchestrator').command('retrySaga', { sagaId: stuck.id });
    await h.settle();
    const [done] = await rows<SagaRow>('orchestrator', 'sagas');
    expect(done.status).toBe('COMPENSATED');
    expect(done.compensated).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
  });
});
