// A shop run on NATS JetStream in one browser, beyond the crash tests that
// the `nats` project reruns from orders.spec.ts: the broker node shows
// JetStream's own figures and what each duplicate guard caught; a server that
// does not answer, a malformed address and a deterministic link each say so.

import { createServer } from 'node:net';
import { findNatsServer, startNatsServer } from '../src/test/nats/natsTestServer';
import { test, expect, PlaygroundPage } from './fixtures';
import { natsQuery, natsWsUrl } from './natsServer';

/** A 127.0.0.1 port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

const snapshotOrders = (snapshot: { services: { order: Record<string, unknown[]> } }) =>
  snapshot.services.order.orders as { status: string }[];

test("the broker node shows JetStream's own figures, and the broker's dedup beside the inboxes'", async ({
  playground,
}) => {
  await playground.api((api) => api.crashAt('payment', 'relay-after-publish-before-mark'));
  const ids = await playground.api((api) => api.placeOrders(5));
  await expect.poll(() => playground.api((api) => api.status('payment'))).toBe('crashed');
  await playground.api((api) => api.restart('payment'));
  await playground.api((api) => api.settle(60_000));
  const snapshot = await playground.api((api) => api.snapshot());
  expect(snapshotOrders(snapshot).map((o) => o.status)).toEqual(ids.map(() => 'COMPLETED'));
  expect(await playground.api((api) => api.anomalies())).toEqual([]);

  // The dump the checker read came from JetStream: a stream per partition, each group's ack floor.
  const committed = snapshot.broker.offsets.reduce((n, o) => n + o.committed, 0);
  const ends = snapshot.broker.topics.flatMap((t) => t.partitions).reduce((n, p) => n + p.endOffset, 0);
  expect(committed).toBeGreaterThan(0);
  expect(snapshot.broker.subjects['order-events']?.sort()).toEqual([...ids].sort());

  const figures = playground.page.getByTestId('jetstream-figures');
  await expect(figures).toContainText('NATS JetStream');
  await expect(figures).toContainText(natsWsUrl()!);
  await expect(playground.page.getByTestId('jetstream-seq')).toHaveText(String(ends));
  await expect(playground.node('broker')).toContainText('NATS JetStream');
  // Payment's relay published, crashed before marking its rows, and published them again: the stream dropped them.
  await expect(playground.page.getByTestId('broker-dedup')).not.toContainText('dropped 0');
  // A crashed service's connection simply ends: no request of the run failed along the way.
  await expect(playground.page.getByRole('alert')).toHaveCount(0);
});

test('an unreachable NATS server: a clear message with its code, and nothing started', async ({ page }) => {
  const url = `ws://127.0.0.1:${await closedPort()}`;
  await page.goto(`./?${natsQuery(url)}`);
  const banner = page.getByRole('alert').filter({ hasText: 'MPP013' });
  await expect(banner).toContainText('The NATS server this run is on could not be reached');
  await expect(banner).toContainText(`connecting to the NATS server at ${url} failed`);
  await expect(page.getByTestId('node-order')).not.toHaveAttribute('data-status', 'running');
});

test('a natsUrl that is not a WebSocket address is refused by the link, with its reason', async ({
  page,
}) => {
  await page.goto(`./?${natsQuery('http://127.0.0.1:8080')}`);
  await expect(page.getByRole('alert').filter({ hasText: 'MPP009' })).toContainText(
    "MPP026: This link's scenario has settings the playground cannot use: natsUrl: expected the NATS server's WebSocket address",
  );
});

test('a deterministic link asking for NATS runs on the local broker, and says so', async ({ page }) => {
  await page.goto(`./?${natsQuery(natsWsUrl() ?? 'ws://127.0.0.1:1', { mode: 'deterministic', orders: 2 })}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByTestId('broker-not-nats')).toContainText(
    'Deterministic run: on this browser’s own broker, not NATS',
  );
  await page.evaluate(async () => {
    await window.playground!.ready();
    await window.playground!.runToEnd();
  });
  await expect(page.getByTestId('jetstream-figures')).toHaveCount(0);
});

test('the NATS server stopped mid-run and started again: the outboxes wait, then drain; nothing lost or doubled', async ({
  page,
}) => {
  const binary = findNatsServer();
  test.skip(!binary, 'nats-server is not installed');
  // A server of this test's own, so stopping it touches no other test's run.
  const server = await startNatsServer(binary!);
  try {
    const playground = new PlaygroundPage(page, server.wsUrl);
    await playground.open('pace=fast');
    const before = await playground.api((api) => api.placeOrders(5));
    await playground.api((api) => api.settle(60_000));
    let during: string[] = [];
    await server.restart(async () => {
      // Each order commits in its own database; its event waits in the outbox while nothing answers.
      during = await playground.api((api) => api.placeOrders(5));
      // The canvas reads the outbox from the order service's own commits (a snapshot would ask the broker too).
      await expect(playground.node('order')).toContainText('5 pending');
    });
    await playground.api((api) => api.settle(60_000));
    const snapshot = await playground.api((api) => api.snapshot());
    const ids = [...before, ...during];
    const orders = snapshotOrders(snapshot) as { id?: string; status: string }[];
    expect(orders.map((o) => o.id).sort()).toEqual([...ids].sort());
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['COMPLETED']));
    const payments = snapshot.services.payment.payments as { orderId: string }[];
    expect(payments.map((p) => p.orderId).sort()).toEqual([...ids].sort());
    expect(await playground.api((api) => api.anomalies())).toEqual([]);
  } finally {
    await server.stop();
  }
});
