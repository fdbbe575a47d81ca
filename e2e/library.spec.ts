// The scenario library: every shop entry, opened by its link, told to its end by
// the Guide tab with each checkpoint predicted right, gives the checker's
// verdict the entry expects; predicted wrong, each reveal says so; and the
// Scenarios dialog lists them, from the keyboard too, and opens one.

import type { Page } from '@playwright/test';
import { LIBRARY } from '../src/core/scenario/library';
import { encodeScenario } from '../src/core/scenario/link';
import { expect, test } from './fixtures';
import { walkGuide } from './guideWalk';

function guide(page: Page) {
  return page.getByRole('tabpanel', { name: 'Guide' });
}

// Event-sourced entries open their own page: e2e/es-guide.spec.ts walks them.
for (const entry of LIBRARY.filter((e) => e.scenario.topology === 'shop')) {
  test(`library: ${entry.id} ends as its narrative says`, async ({ playground, page }) => {
    test.setTimeout(180_000);
    await playground.open('x=1' + encodeScenario(entry.scenario));
    const panel = guide(page);
    // Opened from the library, the run starts on its guide, and nothing has run yet.
    await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('heading', { name: entry.title })).toBeVisible();
    await expect(panel.getByRole('listitem')).toHaveCount(entry.narrative.length);
    if (entry.scenario.mode === 'deterministic')
      expect(await playground.api((api) => api.sim().steps)).toBe(0);

    await walkGuide(page, panel, entry);

    const verdict = guide(page).getByTestId('guide-verdict');
    await expect(verdict).toContainText('As expected', { timeout: 90_000 });
    const found = await playground.api((api) => [...new Set(api.anomalies().map((a) => a.invariant))].sort());
    expect(found).toEqual([...entry.expect].sort());
  });

  // The same guide, predicted wrong at each question: each reveal says so and marks the answer the run showed.
  test(`library: ${entry.id} marks a wrong prediction wrong`, async ({ playground, page }) => {
    test.setTimeout(180_000);
    await playground.open('x=1' + encodeScenario(entry.scenario));
    await walkGuide(page, guide(page), entry, { predict: 'wrong', untilReveal: true });
  });
}

test('the Scenarios dialog opens from the keyboard, lists every entry, and Escape closes it', async ({
  playground: _,
  page,
}) => {
  const button = page.getByRole('button', { name: 'Scenarios' });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Scenario library' });
  await expect(dialog).toBeVisible();
  for (const entry of LIBRARY)
    await expect(dialog.getByRole('link', { name: entry.title, exact: true })).toBeVisible();
  await expect(dialog.locator('.library-entry')).toHaveCount(LIBRARY.length);
  // Focus stays inside: Tab from the last control comes back to the first.
  await dialog.getByRole('link').last().focus();
  await page.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test('a partner’s compare link carries both scenarios', async ({ playground: _, page }) => {
  const entry = LIBRARY.find((e) => e.partner)!;
  const partner = LIBRARY.find((e) => e.id === entry.partner)!;
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const link = page
    .getByRole('dialog')
    .getByRole('link', { name: `Compare with ${partner.title}` })
    .first();
  const url = new URL((await link.getAttribute('href'))!);
  expect(url.searchParams.get('compare')).toBe('1');
  expect(url.searchParams.get('a')).toBe(encodeScenario(entry.scenario));
  expect(url.searchParams.get('b')).toBe(encodeScenario(partner.scenario));
});

test('choosing a scenario opens it in a fresh run, on its guide', async ({ playground, page }) => {
  const before = await playground.api((api) => api.runId);
  const entry = LIBRARY.find((e) => e.id === 'outbox')!;
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await page.getByRole('dialog').getByRole('link', { name: entry.title, exact: true }).click();
  await page.waitForURL(
    (url) => url.hash === encodeScenario(entry.scenario) && url.searchParams.get('run') !== before,
  );
  await page.waitForFunction(() => window.playground !== undefined);
  await playground.api((api) => api.ready());
  expect(await playground.api((api) => api.runId)).not.toBe(before);
  await expect(guide(page).getByRole('heading', { name: entry.title })).toBeVisible();
});
