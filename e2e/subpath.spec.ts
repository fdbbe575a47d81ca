// The built site must work from any sub-path of a plain static file server.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { test, expect } from '@playwright/test';
import type { PlaygroundApi } from '../src/runtime/playgroundApi';

const PREFIX = '/talks/2026/messaging/';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

let server: Server;
let origin = '';

test.beforeAll(async () => {
  const root = join(process.cwd(), 'dist');
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(PREFIX)) return void res.writeHead(404).end('outside the sub-path');
    const file = normalize(join(root, path.slice(PREFIX.length) || 'index.html'));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      res
        .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        .end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

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
