// Whatever a run switches off says so where it would be (issue 17): the inbox
// on every consumer and in the header, payment's idempotency key; and the
// duplicate a scenario is about is pinned on its table, highlighted and tagged.

import { LIBRARY } from '../src/core/scenario/library';
import { encodeScenario } from '../src/core/scenario/link';
import { compareLink } from '../src/ui/compare/compareLink';
import { expect, test } from './fixtures';

const entry = (id: string) => LIBRARY.find((e) => e.id === id)!;
const CONSUMERS = ['order', 'payment', 'inventory', 'shipping'] as const;

test('"Without an inbox" shows "inbox off" on every consumer and in the header', async ({
  playground,
  page,
}) => {
  await playground.open('x=1' + encodeScenario(entry('no-inbox').scenario));
  await playground.api((api) => api.runToEnd());
  await expect(page.locator('.app-subtitle')).toContainText('inbox off');
  await expect(page.locator('.app-subtitle')).not.toContainText('outbox · inbox ·');
  for (const name of CONSUMERS) {
    const node = playground.node(name);
    await expect(node.getByTestId('inbox-off')).toBeVisible();
    await expect(node.getByTestId('inbox-off')).toContainText('inbox off');
    await expect(node.getByText('duplicates skipped')).toHaveCount(0);
  }
  await page.screenshot({ path: 'test-results/honest-no-inbox.png' });
});

test('"A saga without idempotency" shows no idempotency key and the duplicated reservation, highlighted', async ({
  playground,
  page,
}) => {
  await playground.open('x=1' + encodeScenario(entry('saga-no-idempotency').scenario));
  await playground.api((api) => api.runToEnd());
  await expect.poll(() => playground.api((api) => api.anomalies().length)).toBeGreaterThan(0);

  const payment = playground.node('payment');
  await expect(payment.getByTestId('no-idempotency-key')).toHaveText('no idempotency key');
  await expect(payment.getByRole('columnheader', { name: 'idempotency key' })).toHaveCount(0);
  await expect(payment.locator('tr.row-duplicate')).toHaveCount(1);

  const inventory = playground.node('inventory');
  const duplicate = inventory.locator('tr.row-duplicate');
  await expect(duplicate).toHaveCount(1);
  await expect(duplicate).toBeVisible();
  await expect(duplicate.locator('.row-tag')).toHaveText('dup');
  await expect(duplicate).toHaveAttribute('title', /duplicate/);
  // Its first copy is pinned beside it, highlighted too.
  await expect(inventory.locator('tr.row-marked')).toHaveCount(2);
  await expect(inventory.locator('.count-duplicate')).toHaveText('1 dup');
  await page.screenshot({ path: 'test-results/honest-no-idempotency.png' });

  // The table has more rows than it shows: "+N more" opens all of them, scrolling.
  const more = inventory.getByRole('button', { name: /^Show all \d+ reservations/ });
  await expect(more).toHaveText(/^\+\d+ more$/);
  await more.click();
  const full = page.getByTestId('full-table-inventory-reservations');
  await expect(full).toBeVisible();
  const total = await playground.api(
    async (api) => (await api.snapshot()).services.inventory!.reservations.length,
  );
  await expect(full.locator('tbody tr')).toHaveCount(total);
  await expect(full.locator('tr.row-duplicate')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/honest-full-table.png' });
  await full.getByRole('button', { name: 'Close' }).click();
  await expect(full).toHaveCount(0);
});

test('dual write says it has no outbox, and its anomaly speaks of no outbox row', async ({
  playground,
  page,
}) => {
  await playground.open('x=1' + encodeScenario(entry('dual-write').scenario));
  await playground.api((api) => api.runToEnd());
  await expect(page.locator('.app-subtitle')).toContainText('no outbox (dual write)');
  await expect(playground.node('order').getByText('no outbox (dual write)', { exact: false })).toBeVisible();
  await page.getByRole('tab', { name: 'Anomalies' }).click();
  const anomalies = page.locator('.anomaly-list');
  await expect(anomalies).toContainText('no-event-lost');
  await expect(anomalies).not.toContainText('outbox row');
  await page.screenshot({ path: 'test-results/honest-dual-write.png' });
});

test('one id style: the anomaly names the order as the canvas does, the full id in its tooltip', async ({
  playground,
  page,
}) => {
  await playground.open('x=1' + encodeScenario(entry('dual-write').scenario));
  await playground.api((api) => api.runToEnd());
  const messages = await playground.api((api) => api.anomalies().map((a) => a.message));
  const full = messages.join(' ').match(/\bo-[0-9a-f]{16}\b/)?.[0];
  expect(full, messages.join(' | ')).toBeDefined();
  const short = `o-${full!.slice(-4)}`;
  await page.getByRole('tab', { name: 'Anomalies' }).click();
  const named = page.locator('.anomaly-list abbr.id-short', { hasText: short }).first();
  await expect(named).toHaveAttribute('title', full!);
  await expect(page.locator('.anomaly-list')).not.toContainText(full!);
  await expect(playground.node('order').getByText(short).first()).toBeVisible();
});

test('the compare page names the pair’s one switch and tells each side’s story', async ({
  playground: _,
  page,
}) => {
  const [a, b] = [entry('inbox-duplicates'), entry('no-inbox')];
  await page.goto(compareLink('./', a.scenario, b.scenario));
  await expect(page.getByTestId('compare-differs')).toHaveText('what differs: inbox on → off');
  const story = page.getByTestId('compare-b').getByTestId('compare-story');
  await expect(story).toContainText(b.title);
  await expect(story).toContainText(b.idea);
  await story.locator('summary').click();
  await expect(story.getByRole('listitem')).toHaveCount(b.narrative.length);
  await expect(
    page.frameLocator('iframe').last().getByTestId('node-payment').getByTestId('inbox-off'),
  ).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: 'test-results/honest-compare.png' });
});
