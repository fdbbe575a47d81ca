// A workshop on a real nats-server: five browsers, each from its own link — a
// presenter who runs no service, and one attendee per service. The presenter
// places the orders (the order service's browser takes them), the payment tab
// is closed mid-run (its crash) and reopened from its link (its IndexedDB
// recovers it), and the server process is killed and started again. Every
// order completes, with one charge each and no anomaly over the whole run,
// read by the presenter from every owner's tables and JetStream's dump.

import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ServiceName } from '../src/core/rows';
import { findNatsServer, startNatsServer } from '../src/test/nats/natsTestServer';
import { expect, PlaygroundPage, test } from './fixtures';

const SERVICES = ['order', 'payment', 'inventory', 'shipping'] as const satisfies ServiceName[];

/** A join link (`services: [name]`) or, with none, the presenter's: the plain links `npm run workshop` prints. */
export function workshopLink(natsUrl: string, run: string, services: ServiceName[]): string {
  const who = services.length ? `join&services=${services.join(',')}` : 'present';
  return `./?workshop=${who}&run=${run}&nats=${natsUrl}&pace=fast`;
}

async function seat(context: BrowserContext, link: string): Promise<PlaygroundPage> {
  const page: Page = await context.newPage();
  await page.goto(link);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  return new PlaygroundPage(page);
}

async function contexts(browser: Browser, count: number): Promise<BrowserContext[]> {
  return Promise.all(
    Array.from({ length: count }, () => browser.newContext({ viewport: { width: 1280, height: 800 } })),
  );
}

test('a workshop across five browsers: a tab closed and reopened, the server killed and restarted, nothing lost or doubled', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const binary = findNatsServer();
  test.skip(!binary, 'nats-server is not installed');
  const server = await startNatsServer(binary!);
  const opened = await contexts(browser, SERVICES.length + 1);
  try {
    const link = (services: ServiceName[]) => workshopLink(server.wsUrl, 'room-42', services);
    // The presenter comes first: nobody runs anything yet, and the canvas says so.
    const presenter = await seat(opened[0], link([]));
    const node = (service: ServiceName) => presenter.node(service);
    await expect(node('shipping')).toHaveAttribute('data-presence', 'unowned');
    await expect(node('shipping')).toContainText('UNOWNED');
    const attendees = new Map<ServiceName, PlaygroundPage>();
    for (const [i, service] of SERVICES.entries())
      attendees.set(service, await seat(opened[i + 1], link([service])));
    for (const service of SERVICES) {
      await expect(node(service)).toHaveAttribute('data-presence', 'remote');
      await expect(node(service)).toHaveAttribute('data-status', 'running');
    }
    // An attendee sees its own service as its own and the others as remote.
    const payment = attendees.get('payment')!;
    await expect(payment.node('payment')).toHaveAttribute('data-presence', 'here');
    await expect(payment.node('order')).toHaveAttribute('data-presence', 'remote');
    // Its own drawn wide, the others narrow; the presenter's row is even.
    const width = async (p: PlaygroundPage, s: ServiceName) => (await p.node(s).boundingBox())!.width;
    expect(await width(payment, 'payment')).toBeGreaterThan(1.5 * (await width(payment, 'order')));
    expect(Math.abs((await width(presenter, 'payment')) - (await width(presenter, 'order')))).toBeLessThan(1);

    // A broker fault the presenter arms reaches the browser that runs the group: payment gets one record twice.
    await presenter.api((api) => api.duplicateNext('payment', 'OrderCreated'));
    const first = await presenter.api((api) => api.placeOrders(10));

    // Closing the payment tab is its crash: the presenter sees payment down, and orders wait for it.
    await payment.page.close();
    await expect(node('payment')).toHaveAttribute('data-presence', 'down');
    await expect(node('payment')).toHaveAttribute('data-status', 'crashed');
    await expect(node('payment')).toContainText('DOWN');
    const second = await presenter.api((api) => api.placeOrders(10));

    // Reopened from its link, payment recovers from its own IndexedDB and is heard again.
    attendees.set('payment', await seat(opened[SERVICES.indexOf('payment') + 1], link(['payment'])));
    await expect(node('payment')).toHaveAttribute('data-presence', 'remote');
    await expect(node('payment')).toHaveAttribute('data-status', 'running');

    // The server process killed where it stands and started again: every browser is down, then back.
    await server.restart(async () => {
      await expect(node('order')).toHaveAttribute('data-presence', 'down');
    }, 'SIGKILL');
    for (const service of SERVICES) await expect(node(service)).toHaveAttribute('data-status', 'running');

    await presenter.api((api) => api.settle(120_000));
    const snapshot = await presenter.api((api) => api.snapshot());
    const ids = [...first, ...second];
    const orders = snapshot.services.order.orders as { id: string; status: string }[];
    expect(orders.map((o) => o.id).sort()).toEqual([...ids].sort());
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['COMPLETED']));
    const charges = snapshot.services.payment.payments as { orderId: string }[];
    expect(charges.map((p) => p.orderId).sort()).toEqual([...ids].sort());
    expect(await presenter.api((api) => api.anomalies())).toEqual([]);
    // The duplicate was handed over in payment's browser, and the presenter heard of it.
    const faults = (await presenter.api((api) => api.history())).flatMap(({ fact }) => {
      const f = fact as { kind: string; fault?: string; group?: string };
      return f.kind === 'broker-fault' ? [`${f.fault} ${f.group}`] : [];
    });
    expect(faults).toEqual(['duplicate payment']);
    // The checker read JetStream: every order's events are in its dump.
    const subjects = new Set(Object.values(snapshot.broker.subjects).flat());
    expect(ids.filter((id) => !subjects.has(id))).toEqual([]);
  } finally {
    await Promise.all(opened.map((context) => context.close()));
    await server.stop();
  }
});

test('a second browser claiming a service another browser runs is told so, and runs nothing', async ({
  browser,
}) => {
  const binary = findNatsServer();
  test.skip(!binary, 'nats-server is not installed');
  const server = await startNatsServer(binary!);
  const [first, second] = await contexts(browser, 2);
  try {
    const link = workshopLink(server.wsUrl, 'room-7', ['payment']);
    const owner = await seat(first, link);
    await expect(owner.node('payment')).toHaveAttribute('data-status', 'running');
    const page = await second.newPage();
    await page.goto(link);
    const banner = page.getByRole('alert').filter({ hasText: 'MPP014' });
    await expect(banner).toContainText('This browser runs nothing');
    await expect(banner).toContainText('payment is already run by another browser');
    await expect(page.getByTestId('node-payment')).not.toHaveAttribute('data-status', 'running');
    await expect(page.getByTestId('node-broker')).not.toHaveAttribute('data-status', 'running');
    // The owner runs on, untouched.
    expect(await owner.api((api) => api.status('payment'))).toBe('running');
    await expect(owner.page.getByRole('alert')).toHaveCount(0);
  } finally {
    await Promise.all([first.close(), second.close()]);
    await server.stop();
  }
});
