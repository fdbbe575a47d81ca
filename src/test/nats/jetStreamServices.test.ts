// The shop's services in-process on a real JetStream broker: the same
// ServiceHost code the workers run, each process with its own port (its own
// connection), fake-indexeddb for their databases. The choreography saga runs
// to COMPLETED with one charge per order — also with payment crashed at each
// crash point it has and started again from its database.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../core/clock';
import type { CrashPoint } from '../../core/crashPoints';
import type { OrderRow, PaymentRow, ServiceName } from '../../core/rows';
import { PACES } from '../../core/service/pace';
import { ServiceHost } from '../../core/service/serviceHost';
import { SERVICES } from '../../core/services';
import { broadcastChannels } from '../../core/transport';
import { natsBinary, natsSuite } from './jetStreamHarness';

const dexie = { indexedDB, IDBKeyRange };
const openChannel = broadcastChannels(BroadcastChannel as never);
const SHOP: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];
const ORDER = { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] };
let ids = 0;

/** Polls an async condition; the test's timeout is the only deadline. */
async function eventually(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe.skipIf(!natsBinary)('the shop on JetStream', () => {
  const suite = natsSuite();

  async function shop(runId: string) {
    const hosts = new Map<ServiceName, ServiceHost>();
    const crashes: [ServiceName, CrashPoint][] = [];
    const start = async (name: ServiceName) => {
      const broker = await suite.ports.port(runId, { ackWaitMs: 1000, retryBackoffMs: 20 });
      const host: ServiceHost = new ServiceHost(SERVICES[name], {
        runId,
        dexie,
        openChannel,
        broker,
        clock: systemClock,
        config: { ...PACES.fast },
        newId: (prefix) => `${prefix}-${++ids}`,
        emit: (fact) => suite.ports.facts.push(fact),
        die: (point) => {
          crashes.push([name, point]);
          host.stop();
        },
      });
      hosts.set(name, host);
      await host.start();
      return host;
    };
    for (const name of SHOP) await start(name);
    const table = async <T>(name: ServiceName, t: string) =>
      ((await hosts.get(name)!.dump())[t] ?? []) as unknown as T[];
    return { hosts, crashes, start, table, stop: () => hosts.forEach((h) => h.crash.dead || h.stop()) };
  }

  const placeOrders = (host: ServiceHost, n: number) =>
    Promise.all(Array.from({ length: n }, () => host.command('placeOrder', ORDER) as Promise<string>));

  it('runs 20 orders to COMPLETED, one charge each', async () => {
    const run = await shop(suite.runId());
    try {
      const placed = await placeOrders(run.hosts.get('order')!, 20);
      await eventually(async () => {
        const orders = await run.table<OrderRow>('order', 'orders');
        return orders.length === 20 && orders.every((o) => o.status === 'COMPLETED');
      });
      const payments = await run.table<PaymentRow>('payment', 'payments');
      expect(payments.map((p) => p.orderId).sort()).toEqual([...placed].sort());
    } finally {
      run.stop();
    }
  });

  const points: CrashPoint[] = [
    'after-commit-before-publish',
    'relay-after-publish-before-mark',
    'consumer-after-commit-before-ack',
  ];
  for (const point of points)
    it(`recovers payment crashed at ${point}: every order COMPLETED, one charge each`, async () => {
      const run = await shop(suite.runId());
      try {
        run.hosts.get('payment')!.arm(point, 3);
        const placed = await placeOrders(run.hosts.get('order')!, 20);
        await eventually(async () => run.hosts.get('payment')!.crash.dead);
        await run.start('payment');
        await eventually(async () => {
          const orders = await run.table<OrderRow>('order', 'orders');
          return orders.length === 20 && orders.every((o) => o.status === 'COMPLETED');
        });
        const payments = await run.table<PaymentRow>('payment', 'payments');
        expect(payments.map((p) => p.orderId).sort()).toEqual([...placed].sort());
        expect(run.crashes).toEqual([['payment', point]]);
        // What each guard caught: a republished event is dropped by the stream's duplicate window, a
        // redelivered one by the consumer's inbox.
        const meta = await run.table<{ key: string; value: number }>('payment', 'meta');
        const inboxSkipped = meta.find((m) => m.key === 'duplicatesSkipped')?.value ?? 0;
        if (point === 'relay-after-publish-before-mark')
          expect(suite.ports.duplicates.length).toBeGreaterThan(0);
        if (point === 'consumer-after-commit-before-ack') expect(inboxSkipped).toBeGreaterThan(0);
      } finally {
        run.stop();
      }
    });
});
