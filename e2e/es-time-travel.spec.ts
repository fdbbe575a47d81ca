// Going back in time on the event-sourced page: in a deterministic run with
// the bank crashed and restarted, Step back and the timeline show the canvas
// as it was (the bank crashed at its crash, running before it) with the
// "viewing the past" banner, and Back to now returns.

import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { encodeScenario } from '../src/core/scenario/link';
import { ES_CRASH_AND_RESTART } from '../src/test/sampleRuns';

const banner = (page: Page) => page.getByTestId('viewing-past');
const timeline = (page: Page) => page.getByTestId('timeline');

test('a deterministic ES run: Step back, and scrubbing shows the bank running before its crash and crashed at it', async ({
  playground,
  page,
}) => {
  await playground.open(`x=1${encodeScenario(ES_CRASH_AND_RESTART)}`);
  await playground.api((api) => api.runToEnd());
  const steps = await playground.api((api) => api.sim().steps);
  const bank = page.getByTestId('es-bank');
  await expect(bank).not.toContainText('CRASHED');

  await page.getByRole('button', { name: '◀ Step back' }).click();
  await expect(banner(page)).toContainText(`step ${steps - 1} of ${steps}`);
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(banner(page)).toHaveCount(0);

  await timeline(page).focus();
  await page.keyboard.press('Home');
  await expect(banner(page)).toContainText('step 0 of');
  await expect(bank).not.toContainText('CRASHED');
  let crashed = false;
  for (let i = 0; i < 200 && !crashed; i++) {
    await page.keyboard.press('ArrowRight');
    crashed = (await bank.textContent())!.includes('CRASHED');
  }
  expect(crashed, 'the bank’s crash is on the timeline').toBe(true);
  await page.keyboard.press('Escape');
  await expect(banner(page)).toHaveCount(0);
  await expect(bank).not.toContainText('CRASHED');
});
