// The built site must work from any sub-path of a plain static file server.
import { test, expect } from '@playwright/test';
import type { PlaygroundApi } from '../src/runtime/playgroundApi';
import { buildDir, serveUnderSubpath, type SubpathServer } from './subpathServer';

const PREFIX = '/talks/2026/messaging/';

let server: SubpathServer;
let origin = '';

test.beforeAll(async () => {
  server = await serveUnderSubpath(buildDir(), PREFIX);
  origin = server.origin;
});

test.afterAll(() => server.close());

test('the production build runs from a sub-path of a plain file server', async ({ page }) => {
  await page.goto(`${origin}${PREFIX}?pace=fast`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  const id = await page.evaluate(() => (window.playground as PlaygroundApi).placeOrder());
  await page.evaluate(() => window.playground!.settle(30_000));
  const snapshot = await page.evaluate(() => (window.playground as PlaygroundApi).snapshot());
  expect(
    (snapshot.services.order.orders as { id: string; status: string }[]).find((o) => o.id === id)?.status,
  ).toBe('COMPLETED');
  await expect(page.getByTestId('node-order')).toBeVisible();
});
