// Embed mode (the canvas alone), presenter mode (large type, keyboard control)
// and the compare page (two runs side by side in frames, driven together).

import { test as base } from '@playwright/test';
import { test, expect, type PlaygroundPage } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';
import { compareLink } from '../src/ui/compare/compareLink';

const deterministic: Scenario = {
  ...DEFAULT_SCENARIO,
  faults: [],
  mode: 'deterministic',
  pace: 'fast',
  seed: 11,
  orders: 3,
};
const lostEvent: Scenario['faults'] = [
  { kind: 'crash', service: 'order', point: 'after-commit-before-publish', nth: 1 },
];

const sim = (playground: PlaygroundPage) => playground.api((api) => api.sim());
const status = (playground: PlaygroundPage, process: 'payment') =>
  playground.api((api, p) => api.status(p), process);

test.describe('embed mode', () => {
  test('shows the canvas alone, filling the viewport, and the scripting API works', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open('embed=1&pace=fast');
    await expect(playground.node('order')).toBeVisible();
    await expect(playground.node('broker')).toBeVisible();
    await expect(page.locator('.toolbar')).toHaveCount(0);
    await expect(page.locator('.side-panels')).toHaveCount(0);
    await expect(page.getByRole('tab')).toHaveCount(0);
    const canvas = await page.locator('.canvas').boundingBox();
    expect(canvas).toMatchObject({ x: 0, y: 0, width: 1280, height: 800 });

    const id = await playground.api((api) => api.placeOrder());
    expect(id).toMatch(/\S/);
    await playground.api((api) => api.settle());
    expect(await playground.api((api) => api.anomalies())).toEqual([]);
    await expect(playground.node('order')).toContainText('1 total');
  });
});

test.describe('presenter mode', () => {
  test('shows its key map; ? opens the full one', async ({ playground }) => {
    const { page } = playground;
    await playground.open('present=1&pace=fast');
    const legend = page.getByRole('region', { name: 'Keys' });
    await expect(legend).toBeVisible();
    await expect(legend).toContainText('play / pause');
    await expect(legend).toContainText('crash it');
    await expect(page.getByRole('list', { name: 'Services by key' })).toContainText('5 broker');
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Presenter keys' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('select payment');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('?');
    await expect(dialog).toHaveCount(0);
  });

  test('Space plays and pauses, → steps a deterministic run', async ({ playground }) => {
    const { page } = playground;
    await playground.open(`present=1${encodeScenario(deterministic)}`);
    const before = await sim(playground);
    expect(before.running).toBe(false);

    await page.keyboard.press('Space');
    await expect.poll(async () => (await sim(playground)).running).toBe(true);
    await expect(page.getByRole('button', { name: 'Pause the system' })).toBeVisible();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await sim(playground)).running).toBe(false);
    await expect(page.getByRole('button', { name: 'Resume the system' })).toBeVisible();

    const steps = (await sim(playground)).steps;
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await sim(playground)).steps).toBeGreaterThan(steps);
    const after = (await sim(playground)).steps;
    await page.keyboard.press('s');
    await expect.poll(async () => (await sim(playground)).steps).toBeGreaterThan(after);
  });

  test('the last step is said in plain words, the trace’s own line as its tooltip', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open(`present=1${encodeScenario(deterministic)}`);
    const last = page.getByTestId('presenter-last-step');
    // Step until some service has received an event: its words name the event type and the order it is about.
    await expect
      .poll(
        async () => {
          await playground.api((api) => api.step());
          return (await last.getAttribute('title')) ?? '';
        },
        { timeout: 60_000 },
      )
      .toMatch(/ takes \S+#\d+ → \d+:\w+:evt-/);
    const trace = (await last.getAttribute('title'))!;
    const [, service, type] = /^(\S+) takes \S+ → \d+:(\w+):/.exec(trace)!;
    await expect(last).toContainText(new RegExp(`${service} received ${type} for o-[0-9a-f]{4}`));
    await expect(last).not.toContainText('evt-');
  });

  test('Space on a focused button toggles once, not twice', async ({ playground }) => {
    const { page } = playground;
    await playground.open(`present=1${encodeScenario(deterministic)}`);
    await page.getByRole('button', { name: 'Resume the system' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(async () => (await sim(playground)).running).toBe(true);
    await page.waitForTimeout(300);
    expect((await sim(playground)).running).toBe(true);
    await page.keyboard.press('Space');
  });

  test('2 selects payment with a ring, c crashes it, r restarts it', async ({ playground }) => {
    const { page } = playground;
    await playground.open('present=1&pace=fast');
    const feedback = page.locator('.present-feedback[role="status"]');

    await page.keyboard.press('c');
    await expect(feedback).toContainText('Select a service first');

    await page.keyboard.press('2');
    await expect(page.locator('.app.present')).toHaveAttribute('data-selected', 'payment');
    await expect(page.getByTestId('presenter-selection')).toContainText('payment');
    const ring = await playground.node('payment').evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
    expect(await playground.node('order').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');

    await page.keyboard.press('c');
    await expect.poll(() => status(playground, 'payment')).toBe('crashed');
    await expect(playground.node('payment')).toHaveAttribute('data-status', 'crashed');
    await expect(feedback).toContainText('payment crashed');

    await page.keyboard.press('r');
    await expect.poll(() => status(playground, 'payment')).toBe('running');
    await expect(playground.node('payment')).toHaveAttribute('data-status', 'running');
  });

  test('keys do nothing while typing in a field', async ({ playground }) => {
    const { page } = playground;
    await playground.open('present=1&pace=fast');
    await page.keyboard.press('2');
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'scratch');
      document.body.append(input);
    });
    await page.getByLabel('scratch').fill('');
    await page.getByLabel('scratch').press('c');
    await page.getByLabel('scratch').press('Space');
    await expect(page.getByLabel('scratch')).toHaveValue('c ');
    await page.waitForTimeout(300);
    expect(await status(playground, 'payment')).toBe('running');
  });

  test('a step in a live run says why it cannot, in a status message, and o places an order', async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open('present=1&pace=fast');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.present-feedback[role="status"]')).toContainText('This run is live');
    await page.keyboard.press('e');
    await expect(page.locator('.present-feedback')).toContainText('This run is live');
    await page.keyboard.press('n');
    await expect(page.locator('.present-feedback')).toContainText('no narrative');

    await page.keyboard.press('o');
    await expect(page.locator('.present-feedback')).toContainText(/Order \S+ placed/);
    await playground.api((api) => api.settle());
    expect(await playground.api(async (api) => (await api.snapshot()).services.order?.orders?.length)).toBe(
      1,
    );
  });
});

base.describe('compare page', () => {
  base('runs dual write and outbox side by side: only dual write loses the event', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const pattern: Scenario = { ...deterministic, faults: lostEvent };
    await page.goto(compareLink('./', { ...pattern, publishing: 'dual-write' }, pattern));

    const left = page.getByTestId('compare-a');
    const right = page.getByTestId('compare-b');
    await expect(left.getByRole('heading')).toHaveText('dual write');
    await expect(right.getByRole('heading')).toHaveText('outbox');
    await expect(page.locator('.compare-shared')).toContainText('seed 11');
    await expect(page.locator('iframe')).toHaveCount(2);
    // Each side is its own run: the canvas alone, in its frame.
    await expect(page.frameLocator('iframe').first().getByTestId('node-order')).toBeVisible();
    await expect(page.frameLocator('iframe').first().locator('.toolbar')).toHaveCount(0);
    await expect(left).toContainText('step 0', { timeout: 60_000 });
    await expect(right).toContainText('step 0', { timeout: 60_000 });
    // The compare page itself runs nothing.
    expect(await page.evaluate(() => window.playground)).toBeUndefined();

    await page.getByRole('button', { name: 'Step both' }).click();
    await expect(left).toContainText('step 1');
    await expect(right).toContainText('step 1');

    await page.getByRole('button', { name: 'Run both to end' }).click();
    await expect(left).toContainText('at its end', { timeout: 60_000 });
    await expect(right).toContainText('at its end', { timeout: 60_000 });
    await expect(left.locator('.compare-anomalies')).toContainText('no-event-lost');
    await expect(left.locator('.compare-anomalies')).toContainText(
      /never published|no event about it ever reached the broker/,
    );
    await expect(right.locator('.compare-clean')).toHaveText('no anomalies');
    await expect(right.locator('.compare-anomalies')).toHaveCount(0);

    await page.getByRole('button', { name: 'Reload both' }).click();
    await expect(left).toContainText('step 0', { timeout: 60_000 });
    await expect(left.locator('.compare-clean')).toHaveText('no anomalies');
    expect(errors).toEqual([]);
  });

  base('says which side has a bad link and why, and frames only the good one', async ({ page }) => {
    const good = encodeURIComponent(encodeScenario(deterministic));
    await page.goto(`./?compare=1&a=${good}&b=${encodeURIComponent('#s/v1/%%%')}`);
    const bad = page.getByTestId('compare-b').getByRole('alert');
    await expect(bad).toContainText('Side B');
    await expect(bad).toContainText('b=');
    await expect(page.locator('iframe')).toHaveCount(1);
    await expect(page.getByTestId('compare-a')).toContainText('step 0', { timeout: 60_000 });

    await page.goto('./?compare=1');
    await expect(page.getByTestId('compare-a').getByRole('alert')).toContainText('No link given');
    await expect(page.locator('iframe')).toHaveCount(0);
  });
});
