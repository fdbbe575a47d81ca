// The pattern chooser (`?interview=1#chooser`): answers given with its radio
// buttons and checkboxes lead to the advice recommend() gives, and each
// recommendation's link opens the scenario it names, on its guide.

import type { Page } from '@playwright/test';
import { libraryEntry } from '../src/core/scenario/library';
import {
  NO_ANSWERS,
  PATTERN_NAMES,
  recommend,
  YES_NO_QUESTIONS,
  type PatternName,
  type SystemAnswers,
} from '../src/core/scenario/library/chooser';
import { expect } from './fixtures';
import { pageTest } from './pageRun';

const test = pageTest((page) => page);

async function answer(page: Page, answers: SystemAnswers) {
  await page.goto('./?interview=1#chooser');
  const chooser = page.getByRole('region', { name: 'Which patterns does your system need?' });
  await chooser
    .getByLabel(answers.databases === 'one' ? 'In one database' : 'In several databases, one per service')
    .check();
  for (const { key, text } of YES_NO_QUESTIONS) await chooser.getByLabel(text).setChecked(answers[key]);
  return chooser.getByTestId('chooser-advice');
}

test('with one database and nothing else, it recommends nothing and warns off a saga', async ({
  run: page,
}) => {
  const advice = await answer(page, { ...NO_ANSWERS, spansServices: true });
  await expect(advice).toContainText('None of them: your database’s own transactions are enough.');
  await expect(advice.locator('[data-pattern="saga"]')).toContainText(
    'Skip: Saga. One database: a local transaction covers the whole business action.',
  );
  await expect(advice.locator('.advice-use')).toHaveCount(0);
});

/** For each pattern, answers that call for it (and as little else as the rules allow). */
const CALLS_FOR: Record<PatternName, Partial<SystemAnswers>> = {
  outbox: { publishes: true },
  inbox: { databases: 'several' },
  saga: { databases: 'several', spansServices: true },
  'event-sourcing': { history: true },
  cqrs: { readsDiffer: true },
  cdc: { legacy: true },
};

for (const [pattern, patch] of Object.entries(CALLS_FOR) as [PatternName, Partial<SystemAnswers>][])
  test(`answers that call for ${pattern} lead to the scenario it names`, async ({ run: page }) => {
    const answers = { ...NO_ANSWERS, ...patch };
    const expected = recommend(answers);
    const advice = await answer(page, answers);
    await expect(advice.locator('.advice-use')).toHaveCount(expected.filter((a) => a.use).length);
    const item = advice.locator(`.advice-use[data-pattern="${pattern}"]`);
    await expect(item).toContainText(`Use: ${PATTERN_NAMES[pattern]}.`);
    const entry = libraryEntry(expected.find((a) => a.pattern === pattern)!.entry!)!;
    await item.getByRole('link', { name: entry.title }).click();
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground!.ready());
    await expect(
      page.getByRole('tabpanel', { name: 'Guide' }).getByRole('heading', { name: entry.title }),
    ).toBeVisible();
  });

test('several databases and one action across them point at outbox, saga and inbox together', async ({
  run: page,
}) => {
  const advice = await answer(page, { ...NO_ANSWERS, databases: 'several', spansServices: true });
  const entry = libraryEntry('combining-patterns')!;
  await advice.getByRole('link', { name: entry.title }).click();
  await page.waitForFunction(() => window.playground !== undefined);
  await expect(
    page.getByRole('tabpanel', { name: 'Guide' }).getByRole('heading', { name: entry.title }),
  ).toBeVisible();
});
