// The event-sourced run's page, driven as a user would, on the real workers
// and IndexedDB: a new order from the toolbar replayed version by version, the
// load cost of a 10,000-event stream, a read model rebuilt with progress, and
// read-your-writes meeting "not found" at teaching pace.

import { test as base, expect, type Page } from '@playwright/test';
import { PlaygroundPage } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';

class EsUiPage extends PlaygroundPage {
  async openEs(patch: Partial<Scenario> = {}): Promise<void> {
    await this.open(
      `x=1${encodeScenario({ ...DEFAULT_SCENARIO, topology: 'event-sourced', pace: 'fast', ...patch })}`,
    );
    await expect(this.page.getByTestId('es-query')).toHaveAttribute('data-status', 'running');
  }

  button(name: string | RegExp): ReturnType<Page['getByRole']> {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** The orders panel's row for a stream: its id button, version and snapshot cells. */
  stream(id: string) {
    return this.page
      .getByTestId('es-orders')
      .getByRole('row')
      .filter({ has: this.page.getByRole('button', { name: id, exact: true }) });
  }
}

const test = base.extend<{ es: EsUiPage }>({
  es: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new EsUiPage(page));
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

test('New order from the toolbar, replayed one event at a time', async ({ es, page }) => {
  await es.openEs();
  await es.button('New order').click();
  await expect(es.stream('order-1')).toContainText('3');
  const version = page.getByTestId('replay-version');
  const state = page.getByTestId('replay-state');
  const folded = page.getByTestId('replay-folded');
  await expect(version).toHaveText('3');
  await expect(state).toContainText('$84');

  await es.button('Back to version 0').click();
  await expect(version).toHaveText('0');
  await expect(state).toContainText('NEW');
  await expect(folded).toContainText('nothing folded yet');

  await es.button('Step ▶').click();
  await expect(folded).toContainText('v1 OrderCreated');
  await expect(state).toContainText('DRAFT');
  await expect(state).toContainText('alice');
  await expect(state).toContainText('$0');

  await es.button('Step ▶').click();
  await expect(folded).toContainText('v2 ItemAdded');
  await expect(state).toContainText('SKU-LAMP');
  await expect(state).toContainText('$60');
  await expect(state).not.toContainText('SKU-MUG');

  // The slider moves V too (keyboard: it is a plain range input).
  await page.getByLabel(/State as of version/).press('ArrowRight');
  await expect(version).toHaveText('3');
  await expect(folded).toContainText('v3 ItemAdded');
  await expect(state).toContainText('SKU-MUG');
  await expect(state).toContainText('$84');
  await expect(es.button('Step ▶')).toBeDisabled();
});

test('growing an order to 10,000 events: progress, then the load cost with and without snapshots', async ({
  es,
  page,
}) => {
  await es.openEs();
  await es.button('New order').click();
  await expect(es.stream('order-1')).toBeVisible();
  await es.button('Grow to 10,000 events').click();
  await expect(page.getByRole('status', { name: 'Growing order-1' })).toBeVisible();
  await expect(es.stream('order-1')).toContainText('10,000', { timeout: 90_000 });
  await expect(es.stream('order-1')).toContainText('v10,000');

  const cost = page.getByTestId('load-cost');
  await es.button('Measure again').click();
  await expect(cost).toContainText('at v10,000');
  await expect(cost.getByRole('row', { name: /with snapshots/ })).toContainText(/1 snapshot \+\s*0 events/);
  await expect(cost.getByRole('row', { name: /without/ })).toContainText(/10,000 events/);
  await expect(cost.getByRole('row', { name: /without/ })).toContainText(/ms/);

  // Half-way, the load starts from the snapshot at or below V.
  await page.getByLabel(/State as of version/).fill('5037');
  await expect(page.getByTestId('replay-state')).toContainText('1 snapshot (v5,000) + 37 events');
});

test('Rebuild replays every event into a read model, with progress, and completes', async ({ es, page }) => {
  await es.openEs();
  await es.button('New order').click();
  await es.button('New order').click();
  await es.button('Open account').click();
  const summaries = page.getByTestId('read-model-orderSummaries');
  await expect(summaries.getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('lag-orderSummaries')).toHaveText('caught up');

  await es.button('Rebuild Order summaries').click();
  const progress = summaries.getByRole('status');
  await expect(progress.getByRole('progressbar', { name: 'Rebuild of orderSummaries' })).toBeVisible();
  await expect(progress).toContainText(/rebuilt: \d+ events replayed/);
  await expect(summaries.getByRole('row')).toHaveCount(3);
  await expect(summaries).toContainText('order-2');
});

test('read your writes at teaching pace: the eventual read says "not found", polling finds the order', async ({
  es,
  page,
}) => {
  await es.openEs({ pace: 'teaching' });
  await page.getByRole('tab', { name: 'Read your writes' }).click();
  await expect(page.getByLabel(/Accept eventual consistency/)).toBeChecked();
  await es.button('Write an order and read it').click();
  await expect(page.getByTestId('ryw-first-read')).toHaveText('not found');
  await expect(page.getByTestId('ryw-shown')).toHaveText('not found');

  await page.getByLabel(/Poll the read model/).check();
  await es.button('Write an order and read it').click();
  await expect(page.getByTestId('ryw-result')).toContainText('Poll the read model');
  await expect(page.getByTestId('ryw-shown')).not.toHaveText('not found');
});

test('state as of time T: a time before the order shows version 0, a time after it the latest', async ({
  es,
  page,
}) => {
  await es.openEs();
  await es.button('New order').click();
  await expect(page.getByTestId('replay-version')).toHaveText('3');
  const time = page.getByLabel('State as of time');
  await time.fill('00:00:00');
  await time.press('Enter');
  await expect(page.getByTestId('replay-version')).toHaveText('0');
  await time.fill('23:59:59.999');
  await time.press('Enter');
  await expect(page.getByTestId('replay-version')).toHaveText('3');
  await time.fill('noon');
  await time.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Write a time as HH:MM:SS' })).toBeVisible();
});
