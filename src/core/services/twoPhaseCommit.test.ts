import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { checkInvariants } from '../invariants';
import type { OrderRow, ServiceName } from '../rows';

let h: Harness;
afterEach(() => h?.close());

const SHOP: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];
const lamp = (customerId = 'alice') => ({ customerId, items: [{ sku: 'SKU-LAMP', qty: 1 }] });

async function start() {
  h = createHarness();
  await h.startBroker();
  for (const name of SHOP) await h.startService(name);
}

const read = async (service: ServiceName, table: string) =>
  (await h.read(service))[table] as Record<string, unknown>[];

describe('two-phase commit (the approach sagas replace)', () => {
  it('commits on every participant when all vote yes, and releases the locks', async () => {
    await start();
    await h.service('order').command('placeOrder2pc', lamp());
    expect(((await read('order', 'orders')) as unknown as OrderRow[])[0].status).toBe('COMPLETED');
    expect(await read('payment', 'payments')).toHaveLength(1);
    expect(await read('inventory', 'reservations')).toHaveLength(1);
    expect(await read('inventory', 'locks')).toEqual([]);
  });

  it('aborts everywhere when one participant votes no', async () => {
    await start();
    await h.service('inventory').editRow('stock', { sku: 'SKU-LAMP', available: 0, reserved: 0 });
    await h.service('order').command('placeOrder2pc', lamp());
    expect(((await read('order', 'orders')) as unknown as OrderRow[])[0].status).toBe('CANCELLED');
    expect(await read('payment', 'payments')).toEqual([]);
    expect(await read('payment', 'locks')).toEqual([]);
  });

  it('a coordinator crash after prepare blocks the participants and everyone behind them until it recovers', async () => {
    await start();
    h.arm('order', 'coordinator-after-prepare');
    // Two orders for the same lamp at once: the second needs the lock the first one's prepare took.
    const both = [
      h.service('order').command('placeOrder2pc', lamp('alice')),
      h.service('order').command('placeOrder2pc', lamp('bob')),
    ];
    await expect(both[0]).rejects.toThrow(/coordinator-after-prepare/);
    await expect(both[1]).rejects.toThrow();
    // Participants hold their promise and locks with nobody to release them; the second order waits behind them.
    expect((await read('inventory', 'locks')).map((l) => l.resource)).toEqual(['stock:SKU-LAMP']);
    await expect
      .poll(async () => (await read('inventory', 'lockWaits')).map((w) => w.resource))
      .toEqual(['stock:SKU-LAMP']);
    await new Promise((r) => setTimeout(r, 300));
    expect(await read('inventory', 'reservations')).toEqual([]); // still blocked: nothing moves without the coordinator

    await h.startService('order'); // recovery asks the undecided transactions again and finishes them
    await h.settle(15_000);
    const orders = (await read('order', 'orders')) as unknown as OrderRow[];
    expect(orders.map((o) => o.status)).toEqual(['COMPLETED', 'COMPLETED']);
    expect(await read('inventory', 'locks')).toEqual([]);
    expect(await read('inventory', 'lockWaits')).toEqual([]);
    // The prepare the dead coordinator left waiting must not take the lock again once its transaction is over.
    await new Promise((r) => setTimeout(r, 300));
    expect(await read('inventory', 'locks')).toEqual([]);
    expect((await read('inventory', 'prepared')).map((p) => p.outcome)).toEqual(['COMMITTED', 'COMMITTED']);
    const services = Object.fromEntries(await Promise.all(SHOP.map(async (s) => [s, await h.read(s)])));
    expect(checkInvariants({ services }, { settled: true, messaging: false })).toEqual([]);
  });

  it('flags participants still blocked when the coordinator never comes back', async () => {
    await start();
    h.arm('order', 'coordinator-after-prepare');
    await expect(h.service('order').command('placeOrder2pc', lamp())).rejects.toThrow();
    const services = Object.fromEntries(await Promise.all(SHOP.map(async (s) => [s, await h.read(s)])));
    const found = checkInvariants({ services }, { settled: true }).filter(
      (a) => a.invariant === 'no-2pc-blocked',
    );
    expect(found.length).toBeGreaterThanOrEqual(3); // the undecided transaction and two held locks
  });
});
