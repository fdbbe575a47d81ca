// The event-sourced scenarios of the library: each, opened by its link, starts
// on its Guide tab with nothing run; Start and Next step walk the narrative on
// the real workers, and the last step ends with the verdict "As expected:" and
// the anomalies the entry promises (none for a pattern), which the checker
// behind window.playground confirms.

import { expect, type Page } from '@playwright/test';
import { LIBRARY } from '../src/core/scenario/library';
import { encodeScenario } from '../src/core/scenario/link';
import type { EsPlaygroundApi } from '../src/runtime/es/esPlaygroundApi';
import { PlaygroundPage } from './fixtures';
import { walkGuide } from './guideWalk';
import { pageTest } from './pageRun';

const test = pageTest((page) => new PlaygroundPage(page));

function anomalies(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window.playground as unknown as EsPlaygroundApi).anomalies().map((a) => a.invariant),
  );
}

for (const entry of LIBRARY.filter((e) => e.scenario.topology === 'event-sourced')) {
  test(`es guide: ${entry.id} ends as its narrative says`, async ({ run, page }) => {
    test.setTimeout(240_000);
    await run.open('x=1' + encodeScenario(entry.scenario));
    const panel = page.getByRole('tabpanel', { name: 'Guide' });
    await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('heading', { name: entry.title })).toBeVisible();
    await expect(panel.getByRole('listitem')).toHaveCount(entry.narrative.length);
    await expect(panel.getByText('An event-sourced run')).toBeVisible();
    // Nothing runs before Start: no order, no transfer beyond the bank's opening.
    await expect(
      page.getByTestId('es-orders').getByRole('button', { name: 'order-1', exact: true }),
    ).toHaveCount(0);

    await walkGuide(page, panel, entry);

    const promised = entry.expect.length ? [...entry.expect].sort().join(', ') : 'no anomaly';
    await expect(panel.getByTestId('guide-verdict')).toContainText(`As expected: ${promised}`, {
      timeout: 120_000,
    });
    expect([...new Set(await anomalies(page))].sort()).toEqual([...entry.expect].sort());
    // A checkpoint stored apart from its batch is named on the query panel, only where it is.
    await expect(page.getByTestId('checkpoint-apart')).toHaveCount(entry.scenario.inbox ? 0 : 1);
  });

  test(`es guide: ${entry.id} marks a wrong prediction wrong`, async ({ run, page }) => {
    test.setTimeout(240_000);
    await run.open('x=1' + encodeScenario(entry.scenario));
    await walkGuide(page, page.getByRole('tabpanel', { name: 'Guide' }), entry, {
      predict: 'wrong',
      untilReveal: true,
    });
  });
}

test('a step that opens another tab leaves a strip to go on with the guide', async ({ run, page }) => {
  const entry = LIBRARY.find((e) => e.id === 'cqrs-read-your-writes')!;
  await run.open('x=1' + encodeScenario(entry.scenario));
  await page.getByRole('tabpanel', { name: 'Guide' }).getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('tab', { name: 'Read your writes' })).toHaveAttribute('aria-selected', 'true');
  const strip = page.getByRole('group', { name: 'Guide, in short' });
  await expect(strip).toContainText('Step 1 of');
  await strip.getByRole('button', { name: 'Next step' }).click();
  // A question stands before step 2: the strip says where it waits, and holds Next until it is answered.
  await expect(strip).toContainText('a question waits in the Guide tab');
  await expect(strip.getByRole('button', { name: 'Next step' })).toBeDisabled();
  await strip.getByRole('button', { name: 'Open the guide' }).click();
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  const guide = page.getByRole('tabpanel', { name: 'Guide' });
  await guide.getByTestId('checkpoint').getByRole('radio').first().check();
  await guide.getByRole('button', { name: /^Lock in/ }).click();
  await page.getByRole('tab', { name: 'Read your writes' }).click();
  await expect(page.getByTestId('ryw-first-read')).toHaveText('not found', { timeout: 30_000 });
});
