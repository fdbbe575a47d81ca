// Interview mode (`?interview=1`): six questions as headings, every claim's
// link a real link to its run, readable at 1280×800 and reachable from the
// Scenarios dialog; and each question's demonstrations, opened from the page,
// run to their end with exactly the anomalies the answer promises.

import type { Page } from '@playwright/test';
import { demoKey, type Demo } from '../src/core/scenario/library/demos';
import { INTERVIEW, questionDemos } from '../src/core/scenario/library/interview';
import { demoLink } from '../src/ui/interview/demoLinks';
import { expect, test } from './fixtures';
import { pageTest } from './pageRun';
import { promised, runDemo } from './interviewDemo';
import { buildDir, serveUnderSubpath, type SubpathServer } from './subpathServer';

const plain = pageTest((page) => page);

async function openInterview(page: Page): Promise<void> {
  await page.goto('./?interview=1');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Interview questions, answered by runs' }),
  ).toBeVisible();
}

plain(
  'lists the six questions as headings, each claim with a real link, at 14px or more',
  async ({ run: page }) => {
    await openInterview(page);
    const base = new URL('./', page.url()).href;
    for (const q of INTERVIEW) {
      const card = page.getByTestId(`question-${q.id}`);
      await expect(card.getByRole('heading', { level: 2 })).toContainText(q.question);
      const demos = questionDemos(q);
      const hrefs = await card
        .locator('a.demo-link')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(demos.map((d) => demoLink(base, d).href));
    }
    const smallest = await page.evaluate(() =>
      Math.min(
        ...[...document.querySelectorAll<HTMLElement>('.interview-page *')]
          .filter((el) =>
            [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
          )
          .map((el) => parseFloat(getComputedStyle(el).fontSize)),
      ),
    );
    expect(smallest).toBeGreaterThanOrEqual(14);
    // Nothing wider than the window: no sideways scrolling at 1280.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  },
);

plain(
  'is read from the keyboard: Tab reaches the way back, then the questions, and Enter follows a link',
  async ({ run: page }) => {
    await openInterview(page);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Back to the playground' })).toBeFocused();
    await page.keyboard.press('Tab');
    const first = page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#q-outbox$/);
  },
);

test('the Scenarios dialog opens interview mode, and its way back opens the playground', async ({
  playground: _,
  page,
}) => {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await page
    .getByRole('dialog')
    .getByRole('link', { name: /Interview questions answered by runs/ })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Interview questions, answered by runs' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Back to the playground' }).click();
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(page.getByRole('button', { name: 'Scenarios' })).toBeVisible();
});

// Each demonstration once, opened from the first question that shows it.
const seen = new Set<string>();
const DEMOS: { question: string; demo: Demo }[] = [];
for (const q of INTERVIEW)
  for (const demo of questionDemos(q))
    if (!seen.has(demoKey(demo))) {
      seen.add(demoKey(demo));
      DEMOS.push({ question: q.id, demo });
    }

for (const { question, demo } of DEMOS)
  plain(`${question}: ${demoKey(demo)} runs to its end as the answer promises`, async ({ run: page }) => {
    test.setTimeout(300_000);
    await openInterview(page);
    const { label } = demoLink('', demo);
    await page
      .getByTestId(`question-${question}`)
      .getByRole('link', { name: label, exact: true })
      .first()
      .click();
    expect(await runDemo(page, demo)).toEqual(promised(demo));
  });

// The production build served from a sub-path: the page's links keep the sub-path.
const PREFIX = '/talks/2026/messaging/';
let server: SubpathServer;

test.describe('from a sub-path', () => {
  test.beforeAll(async () => {
    server = await serveUnderSubpath(buildDir(), PREFIX);
  });
  test.afterAll(() => server.close());

  plain(
    'every link stays under the sub-path, and a claim’s link opens its guide there',
    async ({ run: page }) => {
      await page.goto(`${server.origin}${PREFIX}?interview=1`);
      const hrefs = await page
        .locator('.interview-page a[href]')
        .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) expect(href.startsWith(`${server.origin}${PREFIX}`), href).toBe(true);
      const demo = INTERVIEW[0].claims[1].demo;
      await page
        .getByRole('link', { name: demoLink('', demo).label, exact: true })
        .first()
        .click();
      await page.waitForFunction(() => window.playground !== undefined);
      await page.evaluate(() => window.playground!.ready());
      await expect(
        page.getByRole('tabpanel', { name: 'Guide' }).getByRole('heading', { name: 'Transactional outbox' }),
      ).toBeVisible();
    },
  );
});
