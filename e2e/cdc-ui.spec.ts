// The change-data-capture page, driven as a user would, on the real workers
// and IndexedDB: the four nodes; Write 100 with its progress, the change log
// and the connector's position moving; the connector crashed from its own
// controls, restarted, and its duplicates shown; Settle, a clean verdict and a
// search that finds a listing; the keyboard; and each CDC library scenario
// walked by its guide to the verdict it promises.

import { expect, type Locator } from '@playwright/test';
import { LIBRARY } from '../src/core/scenario/library';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO } from '../src/core/scenario/scenario';
import type { CdcPlaygroundApi } from '../src/runtime/cdc/cdcPlaygroundApi';
import { PlaygroundPage } from './fixtures';
import { walkGuide } from './guideWalk';
import { callPageApi, pageTest } from './pageRun';

const NODES = ['listings', 'connector', 'broker', 'query'] as const;

class CdcPage extends PlaygroundPage {
  /** Opens a CDC run (or a library entry's) and waits until every node says it is running. */
  async openCdc(
    hash = encodeScenario({ ...DEFAULT_SCENARIO, topology: 'cdc', pace: 'fast' }),
  ): Promise<void> {
    await this.open(`x=1${hash}`);
    for (const name of NODES) await expect(this.cdcNode(name)).toHaveAttribute('data-status', 'running');
  }

  cdcNode(name: (typeof NODES)[number]): Locator {
    return this.page.getByTestId(`cdc-${name}`);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A number the page shows, read from its text ("1,024" → 1024). */
  async number(testId: string): Promise<number> {
    return Number((await this.page.getByTestId(testId).innerText()).replace(/\D/g, ''));
  }

  /** The change log's head, as its caption says it. */
  async logHead(): Promise<number> {
    const caption = await this.cdcNode('listings').locator('caption', { hasText: 'change log' }).innerText();
    return Number(/head ([\d,]+)/.exec(caption)?.[1].replace(/,/g, '') ?? 0);
  }

  /** Runs a function against the CDC window.playground inside the page; `arg` carries what it needs from the test. */
  cdc<T, A = undefined>(fn: (api: CdcPlaygroundApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return callPageApi(this.page, fn, arg);
  }

  /** A node's crashed banner (the query node has another status region: its search results). */
  crashed(name: (typeof NODES)[number]): Locator {
    return this.cdcNode(name).getByRole('status').filter({ hasText: 'CRASHED' });
  }

  /** The legacy table's row of a listing (the change log under it may mention the listing too). */
  listingRow(text: string): Locator {
    return this.cdcNode('listings')
      .getByRole('table', { name: /^listings/ })
      .getByRole('row')
      .filter({ hasText: text });
  }

  /** Records every value the write progress bar shows, however briefly: a fast run may finish between two looks. */
  async watchProgress(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Random writes done"]');
        if (bar) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  }

  progressSeen(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  }
}

const test = pageTest((page) => new CdcPage(page));

test('the four nodes, the snapshot, and Write 100 moving the log and the connector', async ({
  run,
  page,
}) => {
  await run.openCdc();
  await expect(run.cdcNode('listings').getByRole('heading', { name: 'listings' })).toBeVisible();
  await expect(run.cdcNode('broker')).toContainText('listings.listings');
  await expect(run.cdcNode('connector')).toContainText(/snapshot\s*r\s*[\d,]+ rows ✓/);
  const head = await run.logHead();
  const position = await run.number('connector-position');

  await run.watchProgress();
  await run.button('Write 100').click();
  await expect(run.button('Write 100')).toBeEnabled({ timeout: 60_000 });
  expect(
    (await run.progressSeen()).some((v) => v > 0),
    'the progress bar showed writes done',
  ).toBe(true);
  await expect.poll(() => run.logHead(), { timeout: 30_000 }).toBeGreaterThanOrEqual(head + 100);
  await expect.poll(() => run.number('connector-position'), { timeout: 30_000 }).toBeGreaterThan(position);
  // The newest change is on top, with its op and key.
  const newest = run.cdcNode('listings').locator('tbody').nth(1).getByRole('row').first();
  await expect(newest.getByRole('button', { name: /Show change \d+’s envelope/ })).toBeVisible();
  await expect(newest.locator('.op-pill')).toHaveText(/^[cud]$/);
  await expect(page.getByTestId('connector-lag')).toHaveText('lag 0', { timeout: 30_000 });
});

test('the connector dies mid-stream, comes back, republishes — and the read model still equals the table', async ({
  run,
  page,
}) => {
  await run.openCdc();
  const connector = run.cdcNode('connector');
  await connector.getByLabel('Crash point for connector').selectOption('cdc-after-publish-before-position');
  await connector
    .getByRole('button', { name: 'Arm crash of connector at cdc-after-publish-before-position' })
    .click();
  await expect(connector.getByText('armed', { exact: true })).toBeVisible();

  await run.button('Write 100').click();
  await expect(connector).toHaveAttribute('data-status', 'crashed');
  await expect(run.crashed('connector')).toContainText('CRASHED at');
  await expect(run.crashed('connector')).toContainText('cdc-after-publish-before-position');
  // The legacy service neither knows nor cares: its writes go on while the connector is down.
  await expect(run.button('Write 100')).toBeEnabled({ timeout: 60_000 });
  await expect(run.cdcNode('listings')).toHaveAttribute('data-status', 'running');
  expect(await run.number('connector-duplicates')).toBe(0);

  await connector.getByRole('button', { name: 'Restart connector' }).click();
  await expect(connector).toHaveAttribute('data-status', 'running');
  await expect.poll(() => run.number('connector-duplicates'), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(connector.locator('.dup-counter')).toHaveClass(/dup-hit/);
  await expect(page.getByTestId('broker-received')).toContainText('again');

  await run.button('Settle').click();
  const anomalies = page.getByTestId('cdc-anomalies');
  await expect(anomalies).toContainText('No invariant violated', { timeout: 60_000 });
  expect(await run.cdc((api) => api.anomalies())).toEqual([]);
  await expect(page.getByTestId('query-applied')).toContainText(/duplicates skipped [1-9]/);

  // Search the read model for a listing the table holds: by the first word of its title, in its city.
  const listing = await run.cdc(async (api) => (await api.listings())[0]);
  const word = listing.title.split(' ')[0];
  const search = page.getByRole('search', { name: 'Search listings' });
  await search.getByLabel('Search words').fill(word);
  await search.getByLabel('City').selectOption(listing.city);
  await search.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByTestId('search-results')).toContainText(/[1-9]\d* found/);
  expect(await run.cdc((api, q) => api.search(q.word, q.city), { word, city: listing.city })).toContain(
    listing.id,
  );
});

test('a listing written and edited from the keyboard, its change opened as an envelope', async ({
  run,
  page,
}) => {
  await run.openCdc();
  const newListing = run.button('New listing…');
  await newListing.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New listing' });
  await expect(form.getByLabel('listing title')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Treehouse above the river');
  await form.getByLabel('listing city').selectOption('Kyoto');
  await form.getByLabel('listing price').focus();
  await page.keyboard.press('Enter');
  await expect(form).toBeHidden();
  await expect(newListing).toBeFocused();
  const row = run.listingRow('Treehouse above the river');
  await expect(row).toBeVisible();
  await expect(row.getByRole('button', { name: /^Choose listing/ })).toHaveAttribute('aria-pressed', 'true');

  await run.button('Edit price…').click();
  const edit = page.getByRole('form', { name: /Edit the price of/ });
  await edit.getByLabel('new price').fill('175');
  await edit.getByLabel('new price').press('Enter');
  await expect(row).toContainText('$175');
  await expect(
    run.cdcNode('listings').getByRole('row').filter({ hasText: 'price $120 → $175' }),
  ).toBeVisible();

  // The newest change, as Debezium would publish it.
  const envelopeTab = page.getByRole('tab', { name: 'Envelope' });
  await envelopeTab.click();
  const json = page.getByLabel(/Envelope of change \d+/);
  await expect(json).toContainText('"op": "u"');
  await expect(json).toContainText('"price": 120');
  await expect(json).toContainText('"price": 175');
  // Arrow keys move between the side tabs.
  await envelopeTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Anomalies' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Anomalies' })).toHaveAttribute('aria-selected', 'true');
});

test('crash now and restart, for every node', async ({ run }) => {
  await run.openCdc();
  for (const name of NODES) {
    const node = run.cdcNode(name);
    await node.getByRole('button', { name: `Crash ${name} now` }).click();
    await expect(node).toHaveAttribute('data-status', 'crashed');
    await expect(run.crashed(name)).toContainText('“Crash now”');
    await node.getByRole('button', { name: `Restart ${name}` }).click();
    await expect(node).toHaveAttribute('data-status', 'running');
  }
});

/** The guides whose connector dies after a publish, so that batch goes to the broker again. */
const REPUBLISHING = new Set(['cdc-connector-crash', 'cdc-event-history', 'cdc-history-no-dedup']);

for (const entry of LIBRARY.filter((e) => e.scenario.topology === 'cdc')) {
  test(`cdc guide: ${entry.id} ends as its narrative says`, async ({ run, page }) => {
    test.setTimeout(240_000);
    await run.openCdc(encodeScenario(entry.scenario));
    const panel = page.getByRole('tabpanel', { name: 'Guide' });
    await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByRole('heading', { name: entry.title })).toBeVisible();
    await expect(panel.getByRole('listitem')).toHaveCount(entry.narrative.length);
    await expect(panel.getByText('A change-data-capture run')).toBeVisible();

    await walkGuide(page, panel, entry);

    const promised = entry.expect.length ? [...entry.expect].sort().join(', ') : 'no anomaly';
    await expect(panel.getByTestId('guide-verdict')).toContainText(`As expected: ${promised}`, {
      timeout: 120_000,
    });
    const found = (await run.cdc((api) => api.anomalies())).map((a) => a.invariant);
    expect([...new Set(found)].sort()).toEqual([...entry.expect].sort());
    if (REPUBLISHING.has(entry.id)) expect(await run.number('connector-duplicates')).toBeGreaterThan(0);
    // The history's line says what the checker found: nothing appended twice, or the repeats highlighted.
    if (entry.id === 'cdc-event-history')
      await expect(page.getByTestId('query-history')).toContainText(/ twice 0$/);
    if (entry.id === 'cdc-history-no-dedup')
      await expect(page.getByTestId('query-history').locator('.cdc-dup-hit')).toHaveText(/^[1-9][\d,]*$/);
    // The switched-off check is named on the node, only where it is off.
    await expect(page.getByTestId('history-unchecked')).toHaveCount(entry.scenario.inbox ? 0 : 1);
    if (entry.id === 'cdc-legacy-search')
      await expect(page.getByTestId('search-results')).toContainText('L-100');
  });

  test(`cdc guide: ${entry.id} marks a wrong prediction wrong`, async ({ run, page }) => {
    test.setTimeout(240_000);
    await run.openCdc(encodeScenario(entry.scenario));
    await walkGuide(page, page.getByRole('tabpanel', { name: 'Guide' }), entry, {
      predict: 'wrong',
      untilReveal: true,
    });
  });
}
