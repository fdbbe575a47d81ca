// Walking a library scenario's guide on the CDC and event-sourced pages: Start,
// then each step in turn, waiting for its action to finish and checking it
// went without an error, to the last.

import { expect, type Locator, type Page } from '@playwright/test';

/** Back on the guide (a step may have opened another tab), once the step's action has finished. */
export async function idleGuide(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Guide' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Guide' });
  await expect(panel.getByRole('status')).toHaveText('', { timeout: 120_000 });
  return panel;
}

/** Starts the guide in `panel` and runs its `steps` steps; the verdict is the caller's to check. */
export async function walkGuide(page: Page, panel: Locator, steps: number): Promise<void> {
  await panel.getByRole('button', { name: 'Start' }).click();
  for (let step = 1; step <= steps; step++) {
    const shown = await idleGuide(page);
    await expect(shown.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(shown.getByText(`Step ${step} of ${steps}`)).toBeVisible();
    await expect(shown.getByRole('alert')).toHaveCount(0);
    if (step < steps) await shown.getByRole('button', { name: 'Next step' }).click();
  }
}
