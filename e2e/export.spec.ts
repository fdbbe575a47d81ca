// The toolbar's "Share & export" menu, driven from the keyboard: the trace,
// the sequence diagram and the scenario come out as files that parse back;
// an exported scenario imports as a fresh run of the same scenario; a broken
// file is refused with its problems named; the share link reaches the clipboard.

import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { test, expect, type PlaygroundPage } from './fixtures';
import { decodeScenario, encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';
import { validateScenario } from '../src/core/scenario/validate';

const ITEMS = [
  'Copy share link',
  'Export trace',
  'Export sequence diagram',
  'Export scenario',
  'Import scenario…',
];

const menuButton = (page: Page) => page.getByRole('button', { name: 'Share & export' });
const panel = (page: Page) => page.getByRole('group', { name: 'Share and export' });

/** Opens the menu from the keyboard: focus lands on its first item. */
async function openMenu(page: Page): Promise<void> {
  await menuButton(page).focus();
  await page.keyboard.press('Enter');
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'true');
  await expect(panel(page).getByRole('button', { name: ITEMS[0] })).toBeFocused();
}

/** Moves focus down the menu to `item` with the arrow keys, presses Enter, and reads the file it saves. */
async function saveWithKeyboard(page: Page, item: string): Promise<{ name: string; text: string }> {
  const target = panel(page).getByRole('button', { name: item });
  for (let i = 0; i < ITEMS.length && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(target).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  return { name: download.suggestedFilename(), text: await readDownload(download) };
}

async function readDownload(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

async function recordsInBroker(playground: PlaygroundPage): Promise<number> {
  const snapshot = await playground.api((api) => api.snapshot());
  return snapshot.broker.topics.flatMap((t) => t.partitions).reduce((n, p) => n + p.records, 0);
}

test('the trace, diagram and scenario export from the keyboard and parse back', async ({
  playground,
  page,
}) => {
  await playground.api((api) => api.placeOrders(3));
  await playground.api((api) => api.settle(30_000));
  const runId = await playground.api((api) => api.runId);

  await openMenu(page);

  const trace = await saveWithKeyboard(page, 'Export trace');
  expect(trace.name).toBe(`run-${runId}-trace.jsonl`);
  const events = trace.text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(events.length).toBe(await recordsInBroker(playground));
  for (const event of events) {
    expect(event).toMatchObject({
      specversion: '1.0',
      id: expect.any(String),
      type: expect.any(String),
      source: expect.any(String),
    });
  }
  await expect(panel(page).getByRole('status')).toContainText(
    `Saved ${trace.name} (${events.length} events)`,
  );

  const diagram = await saveWithKeyboard(page, 'Export sequence diagram');
  expect(diagram.name).toBe(`run-${runId}.mmd`);
  expect(diagram.text.startsWith('sequenceDiagram\n')).toBe(true);
  for (const type of new Set(events.map((e) => String(e.type)))) {
    expect(diagram.text, `an arrow for ${type}`).toMatch(
      new RegExp(`^ {4}[a-z]+->>broker: ${type.replace(/\./g, '\\.')}$`, 'm'),
    );
  }
  expect(diagram.text).toMatch(/^ {4}broker-->>[a-z]+: OrderCreated$/m);

  const exported = await saveWithKeyboard(page, 'Export scenario');
  expect(exported.name).toMatch(/^scenario-[0-9a-f]{8}\.json$/);
  const validation = validateScenario(JSON.parse(exported.text));
  expect(validation.ok).toBe(true);

  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await expect(menuButton(page)).toBeFocused();
  await expect(menuButton(page)).toHaveAttribute('aria-expanded', 'false');
});

const SCENARIO: Scenario = {
  ...DEFAULT_SCENARIO,
  pace: 'fast',
  mode: 'deterministic',
  seed: 11,
  orders: 2,
  faults: [{ kind: 'crash', service: 'payment', point: 'before-commit', nth: 1 }],
};

test('an exported scenario imports as a fresh run of the same scenario', async ({ playground, page }) => {
  await playground.open(`pace=fast${encodeScenario(SCENARIO)}`);
  await openMenu(page);
  const exported = await saveWithKeyboard(page, 'Export scenario');
  const written = JSON.parse(exported.text) as Scenario;
  expect(validateScenario(written)).toEqual({ ok: true, scenario: written });
  expect(written).toMatchObject({ mode: 'deterministic', seed: 11, orders: 2, faults: SCENARIO.faults });

  // Import it into a default run: the page leaves for the scenario's link.
  await playground.open('pace=fast');
  const oldRun = await playground.api((api) => api.runId);
  await openMenu(page);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    panel(page)
      .getByRole('button', { name: /Import scenario/ })
      .click(),
  ]);
  await chooser.setFiles({
    name: exported.name,
    mimeType: 'application/json',
    buffer: Buffer.from(exported.text),
  });
  await page.waitForURL(/#s\/v1\//);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());

  const url = new URL(page.url());
  expect(decodeScenario(url.hash)).toEqual({ ok: true, scenario: written });
  expect(url.searchParams.get('run')).not.toBe(oldRun);
  expect(await playground.api((api) => api.mode)).toBe('deterministic');
});

test('a broken scenario file is refused with its problems named, as text', async ({ playground }) => {
  const page = playground.page;
  await openMenu(page);
  const input = panel(page).locator('input[type=file]');
  const alert = panel(page).getByRole('alert');
  const before = page.url();

  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ ...SCENARIO, seed: -1, mode: 'chaotic', '<img src=x onerror=alert(1)>': 1 }),
    ),
  });
  await expect(alert).toContainText('settings the playground cannot use');
  await expect(alert.getByRole('listitem')).toHaveCount(3);
  await expect(alert).toContainText('seed: expected an integer');
  await expect(alert).toContainText('mode: expected one of live, deterministic');
  await expect(alert).toContainText('unknown setting');
  expect(await page.locator('img[src=x]').count()).toBe(0);

  await input.setInputFiles({
    name: 'page.json',
    mimeType: 'application/json',
    buffer: Buffer.from('<script>alert(1)</script>'),
  });
  await expect(alert).toContainText('not JSON text');
  await expect(alert).not.toContainText('script');

  await input.setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(65 * 1024, ' '),
  });
  await expect(alert).toContainText('more than the 64 kB');

  expect(page.url()).toBe(before);
});

test.describe('with the clipboard granted', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy share link puts a link to this scenario on the clipboard', async ({ playground, page }) => {
    await playground.open(`pace=fast${encodeScenario(SCENARIO)}`);
    await openMenu(page);
    await page.keyboard.press('Enter');
    await expect(panel(page).getByRole('status')).toContainText('Share link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('#s/v1/');
    expect(new URL(link).searchParams.has('run')).toBe(false);
    expect(decodeScenario(link)).toEqual({ ok: true, scenario: SCENARIO });
  });
});

test('when the clipboard is refused, the link is shown selected for copying by hand', async ({
  playground,
}) => {
  const page = playground.page;
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  await openMenu(page);
  await page.keyboard.press('Enter');
  const field = panel(page).getByRole('textbox', { name: 'Share link to copy' });
  await expect(field).toBeFocused();
  await expect(panel(page).getByRole('status')).toContainText('press Ctrl+C');
  const link = await field.inputValue();
  expect(link).toContain('#s/v1/');
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBe(
    link.length,
  );
  expect(decodeScenario(link).ok).toBe(true);
});
