// The History tab's inspector, driven by clicking: in a live shop run whose
// order service crashed after its commit and before publishing, the payment
// service's inbox row names the broker record and the order's outbox row
// that caused it, and following the outbox link shows that row and moves
// the page to the moment it was committed. An event-sourced event and a CDC
// change are inspected by a click too.

import { expect, type Locator, type Page } from '@playwright/test';
import { test } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO } from '../src/core/scenario/scenario';
import { pageTest } from './pageRun';

const inspector = (page: Page): Locator => page.getByRole('article', { name: /^Inspecting / });

test('a live shop run with a crash: the consumer’s inbox row names its broker record and outbox row; the outbox link shows that row at its commit', async ({
  playground,
  page,
}) => {
  await playground.crashOrderBeforePublishAndRestart();

  const created = String(
    await playground.api((api) =>
      api.snapshot().then((s) => s.services.order.outbox.find((r) => r.type === 'OrderCreated')!.id),
    ),
  );
  const took = await playground.api(
    (api, id) => api.snapshot().then((s) => s.services.payment.inbox.some((r) => r.message_id === id)),
    created,
  );
  expect(took, 'payment took the OrderCreated').toBe(true);

  // The inbox strip's count opens its rows; one row, clicked, opens the inspector in the History tab.
  await playground
    .node('payment')
    .getByRole('button', { name: /Show the \d+ inbox rows of payment/ })
    .click();
  const dialog = page.getByTestId('full-table-payment-inbox');
  await expect(dialog).toBeVisible();
  await dialog.locator(`[data-inspect="payment/inbox:${created}"]`).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');

  const shown = inspector(page);
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('inbox · payment');
  await expect(shown.getByTestId('inspector-id')).toHaveText(created);
  await expect(shown.getByTestId('inspector-committed')).toHaveText(/^Committed at time /);
  const causes = shown.getByRole('region', { name: /^Causes/ }).getByRole('button');
  await expect(causes.nth(0)).toContainText(`record · broker ${created}`);
  await expect(causes.nth(1)).toContainText(`outbox · order ${created}`);
  const inboxCommitted = await shown.getByTestId('inspector-committed').innerText();

  // Following the outbox cause: that row, whole, with its CloudEvents envelope, at the moment it was committed.
  await causes.nth(1).click();
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('outbox · order');
  await expect(shown.getByTestId('inspector-id')).toHaveText(created);
  await expect(shown.getByRole('region', { name: /CloudEvents envelope/ })).toContainText(
    '"specversion": "1.0"',
  );
  await expect(shown.getByRole('region', { name: /CloudEvents envelope/ })).toContainText(
    `"id": "${created}"`,
  );
  const outboxCommitted = await shown.getByTestId('inspector-committed').innerText();
  expect(outboxCommitted).toMatch(/^Committed at time /);
  expect(outboxCommitted).not.toBe(inboxCommitted);
  // The page now looks at that moment: the last commit that wrote the row, its relay marking it published
  // once restarted. As of then, the row is published and its broker record is its effect.
  await expect(shown).toContainText(
    `As the run stood at time ${outboxCommitted.replace('Committed at time ', '')}`,
  );
  await expect(shown.getByLabel("The item's fields")).toContainText('"published_at": 1');
  await expect(shown.getByRole('region', { name: /^Effects/ }).getByRole('button')).toContainText([
    `record · broker ${created}`,
  ]);
});

class TopologyPage {
  constructor(readonly page: Page) {}

  async open(topology: 'event-sourced' | 'cdc'): Promise<void> {
    await this.page.goto(`./?x=1${encodeScenario({ ...DEFAULT_SCENARIO, topology, pace: 'fast' })}`);
    await this.page.waitForFunction(() => window.playground !== undefined);
    await this.page.evaluate(() => window.playground!.ready());
  }
}

const topologyTest = pageTest((page) => new TopologyPage(page));

topologyTest('an event-sourced event, clicked in its replay, is inspected', async ({ run, page }) => {
  await run.open('event-sourced');
  await page.getByRole('button', { name: 'New order', exact: true }).click();
  await expect(page.getByTestId('replay-version')).toHaveText('3');
  await page.getByRole('button', { name: 'Inspect event v1 OrderCreated' }).click();
  const shown = inspector(page);
  await expect(shown.getByRole('heading', { level: 3 })).toHaveText('event · orders');
  await expect(shown.getByLabel("The item's fields")).toContainText('"type": "OrderCreated"');
  await expect(shown.getByTestId('inspector-committed')).toHaveText(/^Committed at /);
});

topologyTest(
  'a CDC change, clicked in the change log, is inspected with its Debezium envelope',
  async ({ run, page }) => {
    await run.open('cdc');
    await page.getByRole('button', { name: 'New listing…', exact: true }).click();
    const form = page.getByRole('form', { name: 'New listing' });
    await form.getByLabel('listing title').fill('Treehouse above the river');
    await form.getByLabel('listing price').press('Enter');
    const change = page
      .getByTestId('cdc-listings')
      .locator('[data-inspect^="listings/change:"]')
      .filter({ hasText: 'Treehouse' });
    await change.focus();
    await page.keyboard.press('Enter');
    const shown = inspector(page);
    await expect(shown.getByRole('heading', { level: 3 })).toHaveText('change · listings');
    const envelope = shown.getByRole('region', { name: /Debezium envelope/ });
    await expect(envelope).toContainText('"op": "c"');
    await expect(envelope).toContainText('Treehouse above the river');
    await expect(shown.getByRole('region', { name: /^Causes/ })).toContainText('listings · listings');
  },
);
