// Predict, then watch, from a link and on a projector: a link naming a guide's
// checkpoint opens a fresh run with the steps before the question run and the
// question waiting (on the full page: in the Guide tab, a radio group Next
// cannot skip; in presenter mode: large over the canvas, `n` held, `v`
// revealing it for the room); the reveal names the answer the run's own
// checker makes true. A link to a checkpoint a guide lacks is refused by name.

import { packText } from '../src/core/scenario/packing';
import { libraryEntry } from '../src/core/scenario/library';
import { trueAnswer } from '../src/core/scenario/library/checkpoints';
import { encodeScenario } from '../src/core/scenario/link';
import { expect, test } from './fixtures';

const entry = libraryEntry('no-inbox')!;
const [checkpoint] = entry.checkpoints!;

test('a link opens the guide at its question: the steps before it have run, and Next waits for an answer', async ({
  playground,
  page,
}) => {
  await playground.open('x=1' + encodeScenario({ ...entry.scenario, checkpoint: 1 }));
  const panel = page.getByRole('tabpanel', { name: 'Guide' });
  await expect(panel.getByTestId('checkpoint').getByRole('heading')).toHaveText(checkpoint.question, {
    timeout: 60_000,
  });
  await expect(page.getByRole('tab', { name: 'Guide' })).toHaveAttribute('aria-selected', 'true');
  await expect(
    panel.getByText(`Step ${checkpoint.beforeStep + 1} of ${entry.narrative.length}`),
  ).toBeVisible();
  // The steps before the question ran: payment crashed and came back, and its rows were published again.
  expect(await playground.api((api) => api.sim().steps)).toBeGreaterThan(0);
  expect(await playground.api((api) => api.status('payment'))).toBe('running');
  await expect(panel.getByRole('button', { name: 'Next step' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: /^Lock in/ })).toBeDisabled();
  const before = await playground.api((api) => api.sim().steps);

  await panel.getByRole('radio', { name: checkpoint.answers[1].text }).check();
  await panel.getByRole('button', { name: /^Lock in/ }).click();
  const verdict = panel.getByTestId('checkpoint-verdict');
  await expect(verdict).toHaveAttribute('data-result', /right|wrong/, { timeout: 60_000 });
  expect(await playground.api((api) => api.sim().steps)).toBeGreaterThan(before);
  const shown = trueAnswer(checkpoint, { anomalies: await playground.api((api) => api.anomalies()) });
  expect(shown.ok).toBe(true);
  const held = shown.ok ? shown.answer : -1;
  await expect(verdict).toHaveAttribute('data-result', held === 1 ? 'right' : 'wrong');
  await expect(verdict.locator('li.held')).toContainText(checkpoint.answers[held].text);
  await expect(verdict.locator('li', { hasText: '(your answer)' })).toContainText(checkpoint.answers[1].text);
});

test('presenter mode: the question covers the canvas for a vote, n waits, v reveals what the run showed', async ({
  playground,
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await playground.open('present=1&x=1' + encodeScenario({ ...entry.scenario, checkpoint: 1 }));
  const question = page.getByTestId('present-question');
  await expect(question.getByRole('heading')).toHaveText(checkpoint.question, { timeout: 60_000 });
  await expect(question.getByRole('listitem')).toHaveText(
    checkpoint.answers.map((a, i) => `${'AB'[i]} ${a.text}`),
  );
  // Large enough for a room: the question's type is at least 24 px.
  const size = await question
    .getByRole('heading')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(24);

  await page.keyboard.press('n');
  await expect(page.locator('.present-feedback')).toContainText('v reveals');
  await expect(question).toBeVisible();
  await page.keyboard.press('v');
  await expect(question).toHaveCount(0);
  const reveal = page.getByTestId('present-reveal');
  await expect(reveal).toBeVisible({ timeout: 60_000 });
  const shown = trueAnswer(checkpoint, { anomalies: await playground.api((api) => api.anomalies()) });
  expect(shown.ok).toBe(true);
  const held = checkpoint.answers[shown.ok ? shown.answer : 0];
  await expect(reveal).toContainText(held.text);
  await expect(reveal).toContainText(held.why);
});

test('a link to a checkpoint its guide does not have is refused by name, and no question is asked', async ({
  page,
}) => {
  const settings = { ...entry.scenario, checkpoint: 7 };
  await page.goto(`./#s/v1/${packText(JSON.stringify(settings))}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  await expect(page.getByRole('alert').filter({ hasText: 'checkpoint' })).toContainText(
    'checkpoint: 7, but the guide no-inbox has checkpoints 1 to 1',
  );
  await expect(page.getByTestId('checkpoint')).toHaveCount(0);
});
