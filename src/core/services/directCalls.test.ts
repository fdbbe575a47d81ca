import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { checkInvariants } from '../invariants';
import type { OrderRow, PaymentRow, ServiceName } from '../rows';

let h: Harness;
afterEach(() => h?.close());

const lamp = { customerId: 'alice', items: [{ sku: 'SKU-LAMP', qty: 1 }] };
const SHOP: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

async function start() {
  h = createHarness();
  await h.startBroker();
  for (const name of SHOP) await h.startService(name);
}

async function check() {
  const services = Object.fromEntries(await Promise.all(SHOP.map(async (s) => [s, await h.read(s)])));
  return checkInvariants({ services }, { settled: true });
}

describe('direct calls (the approach sagas replace)', () => {
  it('works when nothing fails', async () => {
    await start();
    await h.service('order').command('placeOrderDirect', lamp);
    expect(((await h.read('order')).orders as unknown as OrderRow[])[0].status).toBe('COMPLETED');
    expect(await check()).toEqual([]);
  });

  it('a failure after the charge leaves the customer charged with nothing reserved', async () => {
    await start();
    await h.service('inventory').editRow('stock', { sku: 'SKU-LAMP', available: 0, reserved: 0 });
    await h.service('order').command('placeOrderDirect', lamp);
    expect(((await h.read('order')).orders as unknown as OrderRow[])[0].status).toBe('CANCELLED');
    expect(((await h.read('payment')).payments as unknown as PaymentRow[])[0].status).toBe('CHARGED');
    expect((await h.read('inventory')).reservations).toEqual([]);
    const anomalies = await check();
    expect(anomalies.map((a) => a.invariant)).toEqual(['saga-fully-compensated']);
    expect(anomalies[0].message).toMatch(/charge .* never undone/);
  });

  it('a crash after the charge leaves the order PENDING forever, and the money gone', async () => {
    await start();
    h.arm('order', 'direct-after-charge');
    await expect(h.service('order').command('placeOrderDirect', lamp)).rejects.toThrow(/direct-after-charge/);
    await h.startService('order');
    expect(((await h.read('order')).orders as unknown as OrderRow[])[0].status).toBe('PENDING');
    expect((await h.read('payment')).payments).toHaveLength(1);
    expect((await check()).map((a) => a.invariant)).toEqual(['no-order-stuck']);
  });
});
