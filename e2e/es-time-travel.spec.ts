// Going back in time on the event-sourced page: in a deterministic run with
// the bank crashed and restarted, Step back and the timeline show the canvas
// as it was (the bank crashed at its crash, running before it) with the
// "viewing the past" banner, and Back to now returns.

import { test, expect } from './fixtures';
import { test as esTest } from './esFixtures';
import { timelineAtEnd, walkToCrash } from './forkRuns';
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
  await timelineAtEnd(playground);

  await page.getByRole('button', { name: '◀ Step back' }).click();
  await expect(banner(page)).toContainText(`step ${steps - 1} of ${steps}`);
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(banner(page)).toHaveCount(0);

  await timeline(page).focus();
  await page.keyboard.press('Home');
  await expect(banner(page)).toContainText('step 0 of');
  await expect(bank).not.toContainText('CRASHED');
  const crashed = await walkToCrash(page, bank, 200);
  expect(crashed, 'the bank’s crash is on the timeline').toBe(true);
  await page.keyboard.press('Escape');
  await expect(banner(page)).toHaveCount(0);
  await expect(bank).not.toContainText('CRASHED');
});

esTest(
  'a live ES run with a bank crash mid-transfer: the moment before the crash shows the bank running, then crashed',
  async ({ run }) => {
    const { page } = run;
    await run.openEs({ snapshotEvery: 3 });
    await run.es((api) => api.crashAt('bank', 'transfer-after-debit-before-credit'));
    await run.es((api) => api.transfer('acc-alice', 'acc-bob', 30).catch(() => null));
    await expect.poll(() => run.es((api) => api.status('bank'))).toBe('crashed');
    await run.es((api) => api.restart('bank'));
    await run.es((api) => api.settle(60_000));
    const bank = page.getByTestId('es-bank');
    await expect(bank).not.toContainText('CRASHED');

    // A live run's timeline stands on the times facts happened at: walk it from the start to the crash.
    await timeline(page).focus();
    await page.keyboard.press('Home');
    await expect(banner(page)).toContainText('Viewing the past');
    // The first moment is the run's start: the bank is starting there, not yet running, and not crashed.
    await expect(bank).not.toContainText('CRASHED');
    const crashed = await walkToCrash(page, bank, 400);
    expect(crashed, 'the bank’s crash is on the timeline').toBe(true);
    await expect(bank).toContainText('transfer-after-debit-before-credit');
    // One moment back the bank was still running: the crash is where the timeline says.
    await page.keyboard.press('ArrowLeft');
    await expect(bank).toHaveAttribute('data-status', 'running');
    await page.keyboard.press('End');
    await expect(banner(page)).toHaveCount(0);
    await expect(bank).not.toContainText('CRASHED');
  },
);
