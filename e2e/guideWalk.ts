// Walking a library scenario's guide, on any page: Start, then each step in
// turn, waiting for its action to finish and checking it went without an
// error, to the last. At each checkpoint the walk predicts (the answer the
// entry's promised verdict makes true, or another one), locks it in, and once
// the reveal comes checks it: the matching verdict, the answer marked true,
// its why, the proof the checker gave, and that the run's own checker, asked
// through window.playground, makes that same answer hold.

import { expect, type Locator, type Page } from '@playwright/test';
import type { LibraryEntry } from '../src/core/scenario/library';
import { topologyOf } from '../src/runtime/topologies';
import { revealStep, trueAnswer, type Checkpoint } from '../src/core/scenario/library/checkpoints';

/** What the guide's status says while a checkpoint waits for a prediction before its step runs. */
export const ASKING = 'answer the question to run this step';

/** Back on the guide (a step may have opened another tab), once the step's action has finished or a question waits. */
export async function idleGuide(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Guide' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Guide' });
  await expect(panel.getByRole('status')).toHaveText(new RegExp(`^(${ASKING})?$`), { timeout: 120_000 });
  return panel;
}

/** The answer the entry's run should show true: the one its promised verdict (`expect`) makes hold. */
export function promisedAnswer(entry: Pick<LibraryEntry, 'expect'>, checkpoint: Checkpoint): number {
  const verdict = trueAnswer(checkpoint, { anomalies: entry.expect.map((invariant) => ({ invariant })) });
  if (!verdict.ok) throw new Error(verdict.error);
  return verdict.answer;
}

export type Prediction = 'right' | 'wrong';

/** The answer a walk picks: the promised one, or the first other one. */
export function pick(
  entry: Pick<LibraryEntry, 'expect'>,
  checkpoint: Checkpoint,
  predict: Prediction,
): number {
  const held = promisedAnswer(entry, checkpoint);
  return predict === 'right' ? held : checkpoint.answers.findIndex((_, i) => i !== held);
}

/** Picks the answer in the radio group, from the keyboard (a radio group is one tab stop; arrows move in it). */
async function predictAt(panel: Locator, checkpoint: Checkpoint, answer: number): Promise<void> {
  const card = panel.getByTestId('checkpoint');
  await expect(card.getByRole('heading')).toHaveText(checkpoint.question);
  await expect(card.getByRole('radio')).toHaveCount(checkpoint.answers.length);
  await card.getByRole('radio').first().focus();
  await card.page().keyboard.press('Space');
  for (let i = 0; i < answer; i++) await card.page().keyboard.press('ArrowDown');
  await expect(card.getByRole('radio', { name: checkpoint.answers[answer].text, exact: true })).toBeChecked();
  await card.page().keyboard.press('Tab');
  await expect(card.getByRole('button', { name: /^Lock in/ })).toBeFocused();
  await card.page().keyboard.press('Enter');
}

/** The reveal after `checkpoint`'s beat shows the answer the run made true, as `predict` expects. */
export async function checkReveal(
  page: Page,
  panel: Locator,
  entry: LibraryEntry,
  checkpoint: Checkpoint,
  predict: Prediction,
): Promise<void> {
  const held = promisedAnswer(entry, checkpoint);
  const answer = checkpoint.answers[held];
  const verdict = panel.getByTestId('checkpoint-verdict');
  await expect(verdict).toHaveAttribute('data-result', predict);
  await expect(verdict.locator('li.held')).toContainText(answer.text);
  await expect(verdict).toContainText(answer.why);
  const proof = panel.getByTestId('checkpoint-proof');
  if (answer.holds.kind === 'clean') await expect(proof).toContainText('found nothing broken');
  else {
    // The checker's words for the rows that break the promise, and, on a canvas that marks them, those rows marked.
    await expect(proof.getByRole('listitem').first()).toBeVisible();
    if (topologyOf(entry.scenario).marksNamedRows)
      await expect(page.locator('.react-flow tr.row-marked').first()).toBeVisible();
  }
  // Not a key the page kept: the run's own checker, asked now, makes that same answer hold.
  const live = await page.evaluate(() => window.playground!.anomalies());
  expect(trueAnswer(checkpoint, { anomalies: live })).toEqual({ ok: true, answer: held });
}

export interface WalkOptions {
  /** Which answer to lock in at each checkpoint (default: the right one). */
  predict?: Prediction;
  /** Stop once the last checkpoint has been revealed (a wrong prediction's walk need not run to the end). */
  untilReveal?: boolean;
  /** After each step (1-based) has run, and any reveal has been checked. */
  each?: (step: number, panel: Locator) => Promise<void>;
}

/** Starts the guide in `panel` and runs its steps, answering its checkpoints; the closing verdict is the caller's to check. */
export async function walkGuide(
  page: Page,
  panel: Locator,
  entry: LibraryEntry,
  { predict = 'right', untilReveal = false, each }: WalkOptions = {},
): Promise<void> {
  const steps = entry.narrative.length;
  const checkpoints = entry.checkpoints ?? [];
  await panel.getByRole('button', { name: 'Start' }).click();
  for (let step = 1; step <= steps; step++) {
    let shown = await idleGuide(page);
    const asked = checkpoints.find((c) => c.beforeStep === step - 1);
    if (asked) {
      await predictAt(shown, asked, pick(entry, asked, predict));
      shown = await idleGuide(page);
    }
    await expect(shown.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(shown.getByText(`Step ${step} of ${steps}`)).toBeVisible();
    await expect(shown.getByRole('alert')).toHaveCount(0);
    const revealed = checkpoints.filter((c) => revealStep(c) === step - 1);
    for (const checkpoint of revealed) await checkReveal(page, shown, entry, checkpoint, predict);
    await each?.(step, shown);
    const lastReveal = Math.max(...checkpoints.map(revealStep));
    if (untilReveal && step - 1 === lastReveal) return;
    if (step < steps) await shown.getByRole('button', { name: 'Next step' }).click();
  }
}
