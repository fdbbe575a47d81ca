// The start card (issue 17): a first visit to the bare address shows three doors
// into the library's guides; a door opens its guide; dismissed, it never shows
// again — across reloads — and a shared link or an address with options never
// shows it at all.

import { test, expect } from '@playwright/test';

test('a first visit shows three doors; the outbox door opens its guide, and the card stays gone after', async ({
  page,
}) => {
  await page.goto('./');
  const card = page.getByTestId('start-card');
  await expect(card).toBeVisible();
  const doors = card.getByRole('link');
  await expect(doors).toHaveCount(3);
  await expect(doors.nth(0)).toContainText('See the outbox save an order');
  await expect(doors.nth(1)).toContainText('Break a saga');
  await expect(doors.nth(2)).toContainText('Replay an event stream');
  // The card covers nothing: the canvas's own controls still take clicks.
  await expect(page.getByRole('button', { name: /Place 10 orders/ })).toBeEnabled();

  await doors.nth(0).click();
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByRole('tabpanel', { name: 'Guide' })).toContainText('Transactional outbox');
  await expect(page.getByTestId('start-card')).toHaveCount(0);
  // Going through a door dismissed it: the bare address no longer shows it.
  await page.goto('./');
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByTestId('start-card')).toHaveCount(0);
});

test('"Not now" and Escape dismiss it for good; options or a link never show it', async ({ page }) => {
  await page.goto('./?pace=fast');
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByTestId('start-card')).toHaveCount(0);

  await page.goto('./');
  const card = page.getByTestId('start-card');
  await expect(card).toBeVisible();
  await card.getByRole('link').first().focus();
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await page.reload();
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByTestId('start-card')).toHaveCount(0);
});

test('"Not now" dismisses it too, and it is gone after a reload', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: /Not now/ }).click();
  await expect(page.getByTestId('start-card')).toHaveCount(0);
  await page.goto('./');
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByTestId('start-card')).toHaveCount(0);
});
