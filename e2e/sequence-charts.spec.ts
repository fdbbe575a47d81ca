// The History tab's sequence view and charts over a real run: a deterministic
// shop link (a payment crash before its ack, and a duplicate delivery) run
// to its end, then one order picked — its lanes and rows, the crash marked
// across the payment's lane, the redelivery the inbox skipped — and the
// charts' series. A click on a row moves the page to that row's moment.
// Screenshots at 1280×800 for the README (written with SCREENSHOTS=1 only).
// The playground fixture fails a test on any uncaught error in the page.

import { test, expect, docsScreenshot, type PlaygroundPage } from './fixtures';
import { shortId } from '../src/ui/format';
import { CDC_CRASH_AND_RESTART, CRASH_AND_DUPLICATE, ES_CRASH_AND_RESTART } from '../src/test/sampleRuns';

test.use({ viewport: { width: 1280, height: 800 } });

async function openRunToEnd(playground: PlaygroundPage) {
  await playground.openToEnd(CRASH_AND_DUPLICATE);
  await playground.page.getByRole('tab', { name: 'History' }).click();
}

test('the sequence view lays out one order: its lanes, its rows in order, the crash and the redelivery marked', async ({
  playground,
  page,
}) => {
  await openRunToEnd(playground);
  await page.getByRole('tab', { name: 'Sequence' }).click();
  const view = page.getByRole('region', { name: 'Message sequence' });
  const picker = view.getByRole('combobox');
  await expect(picker.locator('option')).toHaveCount(CRASH_AND_DUPLICATE.orders);
  // The first order is the one the payment crashed on.
  await picker.selectOption({ index: 0 });
  await expect(view.locator('.seq-lane-names > span')).toHaveText([
    'order',
    'payment',
    'invent.',
    'shipping',
    'broker',
  ]);
  const rows = view.locator('.seq-row');
  await expect(rows.first()).toContainText('order commits orders put · outbox +1');
  await expect(view.locator('.seq-publish').first()).toContainText('order publishes OrderCreated');
  await expect(view.locator('.seq-crash')).toHaveCount(1);
  await expect(view.locator('.seq-crash')).toContainText('payment crashed');
  await expect(view.locator('.seq-crash')).toContainText('consumer-after-commit-before-ack');
  await expect(view.locator('.seq-restart')).toContainText('payment restarted');
  await expect(view.locator('.seq-duplicate')).toHaveCount(2);
  await expect(
    view.locator('.seq-duplicate').filter({ hasText: "redelivered after payment's crash" }),
  ).toHaveCount(1);
  // Between the crash and the restart the payment's lane is drawn broken.
  // (A vertical line has no width, so count it rather than ask whether it is visible.)
  expect(await view.locator('.seq-lane-down').count()).toBeGreaterThan(0);
  const shown = await rows.allInnerTexts();
  const first = (text: string) => shown.findIndex((r) => r.includes(text));
  expect(first('payment takes OrderCreated')).toBeGreaterThan(first('order publishes OrderCreated'));
  expect(first('payment crashed')).toBeGreaterThan(first('payment takes OrderCreated'));
  expect(first('payment publishes PaymentCompleted')).toBeGreaterThan(first('payment restarted'));
  expect(first('order takes ShipmentScheduled')).toBeGreaterThan(
    first('shipping publishes ShipmentScheduled'),
  );
  // A service is delivered only the event types it handles: nothing it merely ignored is left to show.
  const before = await rows.count();
  await expect(view.getByLabel(/deliveries a service ignored/)).toBeVisible();
  await expect(view.locator('.seq-toggle')).toContainText(
    'none: a service is delivered only the types it handles',
  );
  await view.getByLabel(/deliveries a service ignored/).check();
  expect(await rows.count()).toBe(before);
  await view.getByLabel(/deliveries a service ignored/).uncheck();
  await docsScreenshot(page, 'screenshot-sequence.png');

  // A click on the crash row moves the page there: the view shows the rows up to that moment.
  await view.locator('.seq-crash').click();
  await expect(view.getByRole('status')).toContainText('Viewing the past: rows up to step');
  await expect(view.locator('.seq-row').last()).toContainText('payment crashed');
  await expect(view.locator('.seq-viewed')).toContainText('payment crashed');
});

test('the charts show the outbox backlog, consumer lag, messages in flight and throughput over the run', async ({
  playground,
  page,
}) => {
  await openRunToEnd(playground);
  await page.getByRole('tab', { name: 'Charts' }).click();
  const view = page.getByRole('region', { name: 'Charts over time' });
  const charts = view.locator('figure.chart');
  await expect(charts).toHaveCount(4);
  await expect(view.locator('.chart-title')).toHaveText([
    'Outbox backlog per service (rows)',
    'Consumer lag per group (records)',
    'Messages in flight: published, not yet acked by every reader (messages)',
    'Throughput per service (commits / s)',
  ]);
  const backlog = charts.nth(0);
  await expect(backlog.locator('.chart-legend li')).toHaveText([
    'inventory0',
    'order0',
    'payment0',
    'shipping0',
  ]);
  await expect(charts.nth(1).locator('polyline')).toHaveCount(4);
  await expect(charts.nth(2).locator('.chart-legend li')).toHaveText(['in flight0']);
  await expect(view.locator('.charts-absent')).toContainText('Events appended per store');

  // Viewing a past moment marks it on every chart, with each series' value there.
  await page.evaluate(() => window.playground!.pause());
  await page.getByRole('tab', { name: 'Sequence' }).click();
  await page.locator('.seq-publish').first().click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(view.locator('.chart-marker')).toHaveCount(4);
  await expect(view.locator('.charts-caption')).toContainText('the marker is the viewed moment (step');
  await docsScreenshot(page, 'screenshot-charts.png');
});

for (const { name, scenario, chart } of [
  {
    name: 'CDC',
    scenario: CDC_CRASH_AND_RESTART,
    chart: 'Change log: head, connector position, search applied',
  },
  { name: 'event-sourced', scenario: ES_CRASH_AND_RESTART, chart: 'Events appended per store' },
])
  test(`a ${name} run's charts are its own series, and its sequence view says it follows the shop's orders`, async ({
    playground,
    page,
  }) => {
    await playground.openToEnd(scenario);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('tab', { name: 'Charts' }).click();
    const view = page.getByRole('region', { name: 'Charts over time' });
    await expect(view.locator('.chart-title').filter({ hasText: chart })).toHaveCount(1);
    await expect(view.locator('.charts-absent')).toContainText('Outbox backlog per service');
    await page.getByRole('tab', { name: 'Sequence' }).click();
    await expect(page.locator('.history-empty')).toContainText('the sequence view follows the shop’s orders');
  });

test('in a live run the charts grow as it plays, "now" at their right, and the sequence follows a placed order', async ({
  playground,
  page,
}) => {
  await page.getByRole('tab', { name: 'History' }).click();
  await page.getByRole('tab', { name: 'Charts' }).click();
  const [orderId] = await playground.api((api) => api.placeOrders(2));
  const view = page.getByRole('region', { name: 'Charts over time' });
  await expect(view.locator('.chart-title').first()).toContainText('Outbox backlog per service');
  await expect(view.locator('.chart-x').first()).toContainText('now');
  // The order completes: its shipping service's commit shows in the throughput legend.
  await expect(view.locator('figure.chart').last().locator('.chart-legend li')).toContainText([
    'inventory',
    'order',
    'payment',
    'shipping',
  ]);
  await page.getByRole('tab', { name: 'Sequence' }).click();
  const sequence = page.getByRole('region', { name: 'Message sequence' });
  const picker = sequence.getByRole('combobox');
  const option = picker.locator('option', { hasText: shortId(orderId) });
  await expect(option).toHaveCount(1);
  await picker.selectOption((await option.getAttribute('value'))!);
  await expect(sequence.locator('.seq-row').filter({ hasText: 'order takes ShipmentScheduled' })).toHaveCount(
    1,
  );
});
