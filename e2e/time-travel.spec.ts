// Going back in time through the page: the timeline under the canvas shows
// the whole system as it was, from the recorded facts, while the run goes
// on. The outbox guide's Previous shows its restarted and then its crashed
// order service with the pending rows again, and Next returns to now; in a live run with a crash,
// the moment before the crash shows the service running with its outbox row
// pending; Step back walks a deterministic run's steps backwards; a share
// link carries the step on show; the CDC page scrubs the same way.

import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { decodeScenario, encodeScenario } from '../src/core/scenario/link';
import { libraryEntry } from '../src/core/scenario/library';
import { CDC_CRASH_AND_RESTART, CRASH_AND_DUPLICATE } from '../src/test/sampleRuns';
import { openFork, originalAt, timelineAtEnd, walkToCrash } from './forkRuns';

const banner = (page: Page) => page.getByTestId('viewing-past');
const timeline = (page: Page) => page.getByTestId('timeline');

test('the outbox guide: Previous shows the order service restarted, then crashed, with its pending rows again; Next returns to now', async ({
  playground,
  page,
}) => {
  const entry = libraryEntry('outbox')!;
  await playground.open(`x=1${encodeScenario({ ...entry.scenario, guide: 'outbox' })}`);
  const order = playground.node('order');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(order).toContainText('CRASHED');
  await expect(order).toContainText('2 pending');
  // Step 3 brings it back with its rows still pending; step 4 runs until its relay has published them.
  await page.getByRole('button', { name: 'Next step' }).click();
  // A question stands before step 3: any answer lets it run (the reveal comes after step 5).
  await page.getByTestId('checkpoint').getByRole('radio').first().check();
  await page.getByRole('button', { name: /^Lock in/ }).click();
  await expect(order).not.toContainText('CRASHED');
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page.getByText('Step 4 of 6')).toBeVisible();
  await expect(order).toContainText('0 pending', { timeout: 30_000 });
  await expect(banner(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(banner(page)).toContainText('Viewing the past');
  await expect(order).toHaveAttribute('data-status', 'running');
  await expect(order).toContainText('2 pending');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(order).toContainText('CRASHED');
  await expect(order).toContainText('2 pending');

  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(order).toContainText('0 pending');
  await expect(order).not.toContainText('CRASHED');
});

test('a live run with a crash: the moment before the crash shows the order service running, its outbox row pending', async ({
  playground,
  page,
}) => {
  await playground.crashOrderBeforePublishAndRestart();
  const order = playground.node('order');
  await expect(order).toContainText('0 pending');

  // Walk forward from the run's start, a recorded moment at a time, until the crash is on show; one back is before it.
  await timeline(page).focus();
  await page.keyboard.press('Home');
  let crashed = false;
  for (let i = 1; i <= 400 && !crashed; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(timeline(page)).toHaveAttribute('aria-valuenow', String(i));
    // The past canvas is set before paint: one frame later it shows the moment.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
    crashed = (await order.getAttribute('data-status')) === 'crashed';
  }
  expect(crashed, 'the crash is on the timeline').toBe(true);
  await expect(banner(page)).toContainText('Viewing the past');
  await page.keyboard.press('ArrowLeft');
  await expect(order).not.toContainText('CRASHED');
  await expect(order).toHaveAttribute('data-status', 'running');
  await expect(order).toContainText('1 pending');
  // The run itself went on meanwhile: now, the row is published.
  await page.keyboard.press('End');
  await expect(banner(page)).toHaveCount(0);
  await expect(order).toContainText('0 pending');
});

test.describe('with the clipboard granted', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Step back walks a deterministic run backwards, and a share link opens at the step on show', async ({
    playground,
    page,
  }) => {
    await playground.openToEnd(CRASH_AND_DUPLICATE);
    const steps = await playground.api((api) => api.sim().steps);
    // Step back counts from the step the page has heard of: wait until the page has heard of the end.
    await expect(page.getByTestId('run-mode')).toContainText(`step ${steps}`);
    await page.getByRole('button', { name: '◀ Step back' }).click();
    await expect(banner(page)).toContainText(`step ${steps - 1} of ${steps}`);
    await page.getByRole('button', { name: '◀ Step back' }).click();
    await expect(banner(page)).toContainText(`step ${steps - 2} of ${steps}`);
    await page.getByRole('button', { name: 'Step ▶' }).click();
    await expect(banner(page)).toContainText(`step ${steps - 1} of ${steps}`);

    await page.getByRole('button', { name: /Share/ }).click();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Share link copied' })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const decoded = decodeScenario(new URL(link).hash);
    expect(decoded.ok && decoded.scenario.at).toBe(steps - 1);
    // The run was not moved back: it is still at its end.
    expect(await playground.api((api) => api.sim().steps)).toBe(steps);
    await page.getByRole('button', { name: 'Back to now' }).click();
    await expect(banner(page)).toHaveCount(0);
  });
});

test('the CDC page: an early moment shows the connector before its crash and a shorter change log', async ({
  playground,
  page,
}) => {
  await playground.openToEnd(CDC_CRASH_AND_RESTART);
  const connector = page.getByTestId('cdc-connector');
  await expect(connector).not.toContainText('CRASHED');
  await timelineAtEnd(playground);
  await timeline(page).focus();
  await page.keyboard.press('Home');
  await expect(banner(page)).toContainText('step 0 of');
  await expect(connector).not.toContainText('CRASHED');
  const crashed = await walkToCrash(page, connector, 200);
  expect(crashed, 'the connector’s crash is on the timeline').toBe(true);
  await page.keyboard.press('Escape');
  await expect(banner(page)).toHaveCount(0);
  await expect(connector).not.toContainText('CRASHED');
});

test('Fork from here with a crash added: a new run whose trace equals the original up to that step, then crashes', async ({
  playground,
  page,
  context,
}) => {
  const { trace: original } = await originalAt(playground, CRASH_AND_DUPLICATE, 6);
  const fork = page.getByRole('group', { name: 'Fork from here' });
  await expect(fork.getByLabel('Fork with')).toHaveValue('crash');
  await fork.getByLabel('of', { exact: true }).selectOption('order');
  await fork.getByLabel('at', { exact: true }).selectOption('consumer-after-commit-before-ack');
  const href = await fork.getByRole('link', { name: 'Fork from step 6' }).getAttribute('href');

  const { forked, errors } = await openFork(context, href!);
  // It opens at the fork's step, the crash added to the plan.
  expect(await forked.evaluate(() => window.playground!.sim().steps)).toBe(6);
  expect(await forked.evaluate(() => window.playground!.faultPlan())).toContainEqual({
    kind: 'crash',
    service: 'order',
    point: 'consumer-after-commit-before-ack',
    nth: 1,
  });
  await forked.evaluate(() => window.playground!.runToEnd());
  const trace = await forked.evaluate(() => window.playground!.trace());
  expect(trace.slice(0, 6)).toEqual(original.slice(0, 6));
  // The order service takes ShipmentScheduled at the end of each order: the added crash fires after the fork's step.
  const orderCrashes = (await forked.evaluate(() => window.playground!.history())).filter((e) => {
    const fact = e.fact as { kind: string; process?: string };
    return fact.kind === 'crashed' && fact.process === 'order';
  });
  expect(orderCrashes.length).toBeGreaterThan(0);
  expect(orderCrashes.every((e) => (e.step ?? 0) > 6)).toBe(true);
  expect(trace).not.toEqual(original);
  // The fork's own link keeps the added crash in its parameter, not in the scenario's plan.
  expect(await forked.evaluate(() => window.playground!.scenario().faults)).toEqual(
    CRASH_AND_DUPLICATE.faults,
  );
  expect(errors).toEqual([]);
});
