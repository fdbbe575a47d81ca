// The local broker's faults on NATS JetStream: the run's broker process holds
// them and each service's port takes them over NATS (sharedFaults.ts), so a
// duplicate delivery, a delayed one and refused publishes work as on the local
// broker, from a script and from a link's fault plan, and the patterns hold
// through them: the inbox skips the duplicate, the outboxes wait out the
// outage, nothing is lost or charged twice.

import { test, expect, PlaygroundPage } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';
import { natsWsUrl } from './natsServer';

type Orders = { id: string; status: string }[];
type Payments = { orderId: string }[];

/** Every order COMPLETED, one charge each, and no anomaly. */
async function eachOrderChargedOnce(playground: PlaygroundPage, ids: string[]): Promise<void> {
  await playground.api((api) => api.settle(60_000));
  const { services } = await playground.api((api) => api.snapshot());
  const orders = services.order.orders as Orders;
  expect(orders.map((o) => o.id).sort()).toEqual([...ids].sort());
  expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['COMPLETED']));
  expect((services.payment.payments as Payments).map((p) => p.orderId).sort()).toEqual([...ids].sort());
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
}

/** The broker faults that fired in the run, as the services' fault layers reported them. */
async function firedBrokerFaults(playground: PlaygroundPage): Promise<string[]> {
  const history = await playground.api((api) => api.history());
  return history.flatMap(({ fact }) => {
    const f = fact as { kind: string; fault?: string; group?: string | null };
    return f.kind === 'broker-fault' ? [`${f.fault} ${f.group ?? 'all'}`] : [];
  });
}

test('a script’s duplicate, delay and outage fire on JetStream, and the patterns hold through them', async ({
  playground,
}) => {
  await playground.api((api) => api.duplicateNext('payment', 'OrderCreated'));
  await playground.api((api) => api.delayNext('inventory', 'PaymentCompleted', 300));
  await playground.api((api) => api.refusePublishes(3));
  const ids = await playground.api((api) => api.placeOrders(5));
  await eachOrderChargedOnce(playground, ids);
  expect((await firedBrokerFaults(playground)).sort()).toEqual([
    'broker-outage all',
    'delay inventory',
    'duplicate payment',
  ]);
  // Payment's inbox recognised the second handover of the same record and skipped it.
  await expect(playground.node('payment').getByLabel('duplicates skipped: 1')).toBeVisible();
  // Refused publishes never reached the stream: its duplicate window had nothing to drop.
  await expect(playground.page.getByTestId('broker-dedup')).toContainText('dropped 0');
});

test('a link’s fault plan on NATS: each broker fault marked fired, and the inbox off lets the duplicate through', async ({
  page,
}) => {
  const natsUrl = natsWsUrl();
  test.skip(!natsUrl, 'nats-server is not installed');
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    broker: 'nats',
    natsUrl: natsUrl!,
    pace: 'fast',
    inbox: false,
    idempotencyKeys: false,
    faults: [
      { kind: 'duplicate', group: 'payment', type: 'OrderCreated' },
      { kind: 'broker-outage', publishes: 2 },
    ],
  };
  const playground = new PlaygroundPage(page);
  await playground.open(`x=1${encodeScenario(scenario)}`);
  await playground.api((api) => api.placeOrders(3));
  await playground.api((api) => api.settle(60_000));
  // The conductor's ledger matched each fault a service's layer reported to its place in the plan.
  const fired = (await playground.api((api) => api.history())).flatMap(({ fact }) =>
    fact.kind === 'fault-fired' ? [(fact as { index?: number }).index] : [],
  );
  expect(fired.sort()).toEqual([0, 1]);
  await page.getByRole('tab', { name: 'Faults' }).click();
  await expect(page.locator('.fault-row.fault-fired')).toHaveCount(2);
  // Without an inbox or a key, the duplicate charges twice: the checker says so, as on the local broker.
  const anomalies = await playground.api((api) => api.anomalies());
  expect(anomalies.map((a) => a.invariant)).toContain('no-double-charge');
});
