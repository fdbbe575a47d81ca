// What the Fork from here tests share: the original run, run to its end and
// viewed at a past step on the timeline, and the fork's link opened in a new
// page of the same browser, ready to script.

import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Scenario } from '../src/core/scenario/scenario';
import type { PlaygroundPage } from './fixtures';

/** Runs `scenario` to its end and stands the timeline at `step` (or the step `pick` finds in the ended run). */
export async function originalAt(
  playground: PlaygroundPage,
  scenario: Scenario,
  pick: number | (() => Promise<number>),
): Promise<{ trace: string[]; step: number }> {
  await playground.openToEnd(scenario);
  const trace = await playground.api((api) => api.trace());
  await timelineAtEnd(playground);
  const step = typeof pick === 'number' ? pick : await pick();
  await viewStep(playground.page, step);
  return { trace, step };
}

/**
 * Waits until the timeline reaches the deterministic run's last step: it gets there a history read after the run
 * does, and keys pressed before would walk a shorter timeline (or none).
 */
export async function timelineAtEnd(playground: PlaygroundPage): Promise<void> {
  const steps = await playground.api((api) => api.sim().steps);
  await expect(playground.page.getByTestId('timeline')).toHaveAttribute('aria-valuemax', String(steps));
}

/** Stands the timeline at `step` of a deterministic run by its keys. */
export async function viewStep(page: Page, step: number): Promise<void> {
  await page.getByTestId('timeline').focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('viewing-past')).toContainText(`step ${step} of`);
}

/** The fork link opened in a new page, its run started (and its change made); `errors` collects its page errors. */
export async function openFork(
  context: BrowserContext,
  href: string,
): Promise<{ forked: Page; errors: string[] }> {
  const forked = await context.newPage();
  const errors: string[] = [];
  forked.on('pageerror', (error) => errors.push(error.message));
  await forked.goto(href);
  await forked.waitForFunction(() => window.playground !== undefined);
  await forked.evaluate(() => window.playground!.ready());
  return { forked, errors };
}

/** Presses → on the focused timeline, at most `max` times, until `node` shows CRASHED; whether it did. */
export async function walkToCrash(page: Page, node: Locator, max = 400): Promise<boolean> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('ArrowRight');
    if ((await node.textContent())!.includes('CRASHED')) return true;
  }
  return false;
}
