// One benchmark run's browser: a persistent context, so IndexedDB lives on
// disk as it does for a user (the default context keeps it in memory), in a
// fresh profile directory that is deleted afterwards.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, executablePath } from '../chromium.mjs';
import { installBench, OBSERVER_SOURCE } from './inPage.mjs';

/** A share link's hash for a scenario that differs from the default by `patch` (see src/core/scenario/link.ts). */
export function scenarioHash(patch) {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(patch)), { level: 9 }).toString('base64url');
  return `#s/v1/${packed}`;
}

export async function openSession(baseUrl) {
  const profile = mkdtempSync(join(tmpdir(), 'mpp-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: [...chromiumArgs, '--disable-quic'],
    headless: true,
    viewport: { width: 1280, height: 800 },
  });
  // When the page's run is ready to play, in the page's own clock (ms since navigation started).
  await context.addInitScript(() => {
    let api;
    Object.defineProperty(window, 'playground', {
      configurable: true,
      get: () => api,
      set(value) {
        api = value;
        void value.ready().then(() => {
          window.__readyAt ??= performance.now();
        });
      },
    });
  });
  const errors = [];
  return {
    context,
    errors,
    /** A fresh run: navigates to `query` (and `hash`), waits until it is ready, installs window.__bench. */
    async open(query = '', hash = '') {
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${baseUrl}${query ? `?${query}` : ''}${hash}`);
      await page.waitForFunction(() => window.__readyAt !== undefined, null, { timeout: 60_000 });
      await page.evaluate(installBench, OBSERVER_SOURCE);
      await page.evaluate(() => window.__bench.watch());
      return page;
    },
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Business data without limits, so a long run at full load never runs out of stock or credit. */
export async function unlimitedStock(page) {
  await page.evaluate(async () => {
    const api = window.playground;
    for (const sku of ['SKU-BOOK', 'SKU-MUG', 'SKU-LAMP']) await api.editRow('inventory', 'stock', { sku, available: 1e9, reserved: 0 });
    for (const id of ['alice', 'bob', 'carol', 'dave']) await api.editRow('payment', 'customers', { id, credit: 1e12, cardDeclined: false });
  });
}
