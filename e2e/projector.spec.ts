// Projector readability (issue 17): in presenter mode at 1280×720 and 1920×1080,
// for every library entry, each topology's default run and the compare page,
// the canvas's smallest text is at least 14 CSS px as the room sees it (font
// size times every transform and zoom above it), no label or cell is clipped,
// no two nodes' boxes overlap, and every node is inside the canvas.

import { test, expect, type Page } from '@playwright/test';
import { expectReadable, measureCanvas, MIN_FONT_PX, settled } from './canvasMeasure';
import { LIBRARY } from '../src/core/scenario/library';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario, type Topology } from '../src/core/scenario/scenario';
import { compareLink } from '../src/ui/compare/compareLink';
import type { CdcPlaygroundApi } from '../src/runtime/cdc/cdcPlaygroundApi';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

async function openRun(page: Page, scenario: Scenario) {
  await page.goto(`./?present=1&x=1${encodeScenario(scenario)}`);
  await page.waitForFunction(() => window.playground !== undefined, undefined, { timeout: 60_000 });
  await page.evaluate(() => window.playground!.ready());
  await settled(page);
}

const TOPOLOGIES: Topology[] = ['shop', 'event-sourced', 'cdc'];

const measure = async (page: Page, where: string) =>
  expectReadable([await page.evaluate(measureCanvas, MIN_FONT_PX)], where);

/**
 * A CDC run at its fullest: 100 writes with the connector killed after its first publish (its banner, the log
 * ahead of its position, the batch in flight), then restarted and settled (every table full, duplicates
 * counted) and searched, then every other process crashed (each node's tallest state).
 */
async function cdcRunThrough(page: Page, where: string) {
  await page.evaluate(async () => {
    const api = window.playground as unknown as CdcPlaygroundApi;
    await api.crashAt('connector', 'cdc-after-publish-before-position');
    await api.writeMany(100);
  });
  await expect(page.getByTestId('cdc-connector')).toHaveAttribute('data-status', 'crashed');
  await settled(page);
  await measure(page, `${where}, connector crashed after 100 writes`);
  await page.evaluate(async () => {
    const api = window.playground as unknown as CdcPlaygroundApi;
    await api.restart('connector');
    await api.settle(60_000);
  });
  await settled(page);
  await measure(page, `${where}, restarted and settled`);
  // A guest's search, as the box shows it: the count and the first document found, in full.
  const query = page.getByTestId('cdc-query');
  await query.getByLabel('Search words').fill('the');
  await query.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(query.getByTestId('search-results')).toContainText(/\d+ found/);
  await measure(page, `${where}, searched`);
  await page.evaluate(async () => {
    const api = window.playground as unknown as CdcPlaygroundApi;
    for (const process of ['listings', 'broker', 'query'] as const) await api.crashNow(process);
  });
  for (const process of ['listings', 'broker', 'query'])
    await expect(page.getByTestId(`cdc-${process}`)).toHaveAttribute('data-status', 'crashed');
  await settled(page);
  await measure(page, `${where}, every process down`);
}
const comparePair = LIBRARY.find((e) => e.partner)!;

for (const viewport of VIEWPORTS) {
  test.describe(`projector ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    for (const topology of TOPOLOGIES)
      test(`default ${topology} run`, async ({ page }) => {
        await openRun(page, { ...DEFAULT_SCENARIO, topology, pace: 'fast' });
        expectReadable([await page.evaluate(measureCanvas, MIN_FONT_PX)], `${topology} default`);
      });

    for (const entry of LIBRARY)
      test(`library: ${entry.id}`, async ({ page }) => {
        await openRun(page, entry.scenario);
        expectReadable([await page.evaluate(measureCanvas, MIN_FONT_PX)], entry.id);
        if (entry.scenario.topology === 'cdc') return cdcRunThrough(page, entry.id);
        // And at its fullest: a shop run's canvas once every order has gone through (tables full, topics in use).
        if (entry.scenario.topology !== 'shop') return;
        await page.evaluate(() =>
          window.playground!.scenario().mode === 'deterministic'
            ? window.playground!.runToEnd()
            : window.playground!.settle(),
        );
        await settled(page);
        expectReadable([await page.evaluate(measureCanvas, MIN_FONT_PX)], `${entry.id}, run through`);
      });

    test('compare page: each side in turn, as the tabs show it', async ({ page }) => {
      const partner = LIBRARY.find((e) => e.id === comparePair.partner)!;
      await page.goto(compareLink('./', comparePair.scenario, partner.scenario) + '&present=1');
      await expect(page.locator('iframe')).toHaveCount(2);
      const tabs = page.getByRole('tab');
      await expect(tabs).toHaveCount(2);
      for (const [i, key] of ['a', 'b'].entries()) {
        await tabs.nth(i).click();
        await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
        const frame = page.frameLocator(`#compare-side-${key} iframe`);
        await expect(frame.locator('.react-flow__node').first()).toBeVisible({ timeout: 60_000 });
        const handle = await page.locator(`#compare-side-${key} iframe`).elementHandle();
        const content = (await handle!.contentFrame())!;
        await settled(content);
        expectReadable([await content.evaluate(measureCanvas, MIN_FONT_PX)], `compare side ${key}`);
        // The side off stage is out of sight, not unloaded.
        await expect(page.locator(`#compare-side-${key === 'a' ? 'b' : 'a'}`)).toHaveCSS(
          'visibility',
          'hidden',
        );
      }
    });
  });
}

test.describe('presenter controls at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  const orchestrated = LIBRARY.find((e) => e.id === 'orchestration-compensation')!;
  const zoomOf = (page: Page) =>
    page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrix(getComputedStyle(v).transform).a);

  test('the wheel does not zoom, f does not shrink the canvas, and Fit the canvas puts it back', async ({
    page,
  }) => {
    await openRun(page, orchestrated.scenario);
    const canvas = page.locator('.canvas');
    const before = { zoom: await zoomOf(page), box: await canvas.boundingBox() };
    await canvas.hover();
    await page.mouse.wheel(0, -600);
    await page.waitForTimeout(300);
    expect(await zoomOf(page)).toBeCloseTo(before.zoom, 3);
    await page.keyboard.press('f');
    await expect(page.getByRole('complementary', { name: 'Run status', exact: true })).toBeVisible();
    expect(await canvas.boundingBox()).toEqual(before.box);
    expect(await zoomOf(page)).toBeCloseTo(before.zoom, 3);
    await page.keyboard.press('f');
    await page.getByRole('button', { name: 'Fit the canvas' }).click();
    await page.waitForTimeout(300);
    expect(await zoomOf(page)).toBeCloseTo(before.zoom, 3);
  });

  test('the guide step on show is a caption, and the key map fits', async ({ page }) => {
    await openRun(page, orchestrated.scenario);
    const caption = page.getByTestId('narrative-caption');
    await expect(caption).toContainText(orchestrated.title);
    await page.keyboard.press('n');
    await expect(caption).toContainText(orchestrated.narrative[0].say);
    const legend = page.getByRole('region', { name: 'Keys' });
    const box = (await legend.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    const last = (await page.getByRole('list', { name: 'Services by key' }).boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(720);
  });
});
