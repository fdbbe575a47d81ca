import { test as base, expect } from '@playwright/test';
import { test } from './fixtures';

base('without IndexedDB the page says why instead of going blank', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('./?pace=fast');
  await expect(page.getByRole('alert')).toContainText('IndexedDB is not available');
  await expect(page.getByRole('alert')).toContainText('MPP001');
});

test('a handler that keeps throwing is retried, dead-lettered, and shown', async ({ playground }) => {
  // A negative total makes the payment handler throw on every attempt.
  const id = await playground.api((api) => api.placeOrder({ total: -5 }));
  await expect
    .poll(async () => (await playground.api((api) => api.snapshot())).broker.deadLetters.length, { timeout: 30_000 })
    .toBe(1);
  const snapshot = await playground.api((api) => api.snapshot());
  const letter = snapshot.broker.deadLetters[0] as { subject: string; data: { failures: number; error: string } };
  expect(letter.subject).toBe(id);
  expect(letter.data.error).toContain('amount must be positive');
  expect(snapshot.services.payment.payments).toEqual([]);
  await expect(playground.node('broker')).toContainText(/dead.letter/i);
  await playground.api((api) => api.settle(30_000));
  const anomalies = await playground.api((api) => api.anomalies());
  expect(anomalies.map((a) => a.invariant)).toEqual(['no-order-stuck']);
});

test('a tampered share link says what is wrong and opens the default scenario instead', async ({ page }) => {
  await page.goto('./#s/v1/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  const banner = page.getByRole('alert').filter({ hasText: 'MPP009' });
  await expect(banner).toContainText('could not be opened');
  expect(await page.evaluate(() => window.playground!.mode)).toBe('live');
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
});
