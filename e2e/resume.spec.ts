// The ultimate crash: the whole tab goes away mid-run. Reopening the same link
// resumes the run from its databases and finishes it.
import { test, expect } from './fixtures';

test('reloading mid-run resumes from the databases and completes with no anomaly', async ({
  playground,
  page,
}) => {
  const runId = await playground.api((api) => api.runId);
  expect(new URL(page.url()).searchParams.get('run')).toBe(runId);

  await playground.api((api) => api.crashNow('payment')); // orders stall with their events waiting in the broker
  const ids = await playground.api((api) => api.placeOrders(10));
  await expect
    .poll(async () =>
      (await playground.api((api) => api.snapshot())).broker.live.groups
        .filter((g) => g.group === 'payment')
        .reduce((n, g) => n + g.lag, 0),
    )
    .toBe(10);

  await page.reload();
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  expect(await playground.api((api) => api.runId)).toBe(runId);

  await playground.api((api) => api.settle(60_000));
  const snapshot = await playground.api((api) => api.snapshot());
  const orders = snapshot.services.order.orders as { id: string; status: string }[];
  expect(orders.map((o) => o.id).sort()).toEqual([...ids].sort());
  expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['COMPLETED']));
  expect((snapshot.services.payment.payments as unknown[]).length).toBe(10);
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
});

test('a second tab on the same link starts a run of its own', async ({ playground, page, context }) => {
  const runId = await playground.api((api) => api.runId);
  const second = await context.newPage();
  await second.goto(page.url());
  await second.waitForFunction(() => window.playground !== undefined);
  const other = await second.evaluate(() => window.playground!.runId);
  expect(other).not.toBe(runId);
  expect(new URL(second.url()).searchParams.get('run')).toBe(other);
  await second.close();
});
