import { test, expect } from './fixtures';

test('switching saga style in Setup starts a fresh orchestrated run', async ({ playground, page }) => {
  const before = await playground.api((api) => api.runId);
  await page.getByRole('tab', { name: /Setup/ }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  // click, not check(): the radio stays as it is until the fresh run loads
  await page.getByRole('radio', { name: /Orchestration/ }).click();
  await page.waitForURL(/style=orchestration/);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  expect(await playground.api((api) => api.runId)).not.toBe(before);
  await expect(playground.node('orchestrator')).toHaveAttribute('data-status', 'running');
});
