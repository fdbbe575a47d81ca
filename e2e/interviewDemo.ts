// Running one interview demonstration to its end from the page it opened: an
// entry's guide walked step by step, a pair run together on the compare page,
// a variant run to its end through its API; each answers the anomalies the
// checker found (per side for a pair).

import { expect, type Frame, type Page } from '@playwright/test';
import { demoEntries, type Demo } from '../src/core/scenario/library/demos';
import { walkGuide } from './guideWalk';

/** The invariants the page's (or frame's) checker names, each once, sorted. */
export function anomaliesIn(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() => [...new Set(window.playground!.anomalies().map((a) => a.invariant))].sort());
}

async function sideFrame(page: Page, key: 'a' | 'b'): Promise<Frame> {
  const frame = await page.getByTestId(`compare-${key}`).locator('iframe').elementHandle();
  return (await frame!.contentFrame())!;
}

async function walkEntry(page: Page, demo: Demo): Promise<string[][]> {
  const [entry] = demoEntries(demo);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  const panel = page.getByRole('tabpanel', { name: 'Guide' });
  await expect(panel.getByRole('heading', { name: entry.title })).toBeVisible();
  // Each checkpoint on the way is predicted right and its reveal checked (guideWalk.ts): the demo's story, told whole.
  await walkGuide(page, panel, entry);
  await expect(panel.getByTestId('guide-verdict')).toContainText('As expected', { timeout: 120_000 });
  return [await anomaliesIn(page)];
}

async function runPair(page: Page): Promise<string[][]> {
  const runBoth = page.getByRole('button', { name: 'Run both to end' });
  await expect(runBoth).toBeEnabled({ timeout: 60_000 });
  await runBoth.click();
  const frames = [await sideFrame(page, 'a'), await sideFrame(page, 'b')];
  for (const frame of frames)
    await expect
      .poll(() => frame.evaluate(() => window.playground!.sim().done), { timeout: 120_000 })
      .toBe(true);
  // At its end is not yet checked at rest: settle() runs the settled check, so the anomalies read are its verdict.
  for (const frame of frames) await frame.evaluate(() => window.playground!.settle());
  return Promise.all(frames.map(anomaliesIn));
}

async function runVariant(page: Page): Promise<string[][]> {
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  // No guide: the changed run would not tell its entry's story.
  await expect(page.getByTestId('guide-verdict')).toHaveCount(0);
  await page.evaluate(() => window.playground!.runToEnd());
  return [await anomaliesIn(page)];
}

/** Runs the demo the page has just opened to its end; the anomalies found, one list per run. */
export function runDemo(page: Page, demo: Demo): Promise<string[][]> {
  if (demo.kind === 'compare') return runPair(page);
  if (demo.kind === 'variant') return runVariant(page);
  return walkEntry(page, demo);
}

/** What the demo promises, in the same shape. */
export function promised(demo: Demo): string[][] {
  const lists = demo.kind === 'compare' ? demo.promises : [demo.promises];
  return lists.map((l) => [...l].sort());
}
