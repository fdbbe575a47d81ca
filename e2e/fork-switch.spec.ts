// Fork from here with a switch flipped: a deterministic run whose inventory is
// sent one PaymentCompleted twice, the inbox catching it; the fork replays it
// to a step before that duplicate and turns the inbox off there. Its trace is
// the original's up to that step, then the duplicate is handled twice and the
// checker says so, while the original stays clean — and the compare page puts
// the two side by side, naming the fork's change.

import { test, expect } from './fixtures';
import { CRASH_AND_DUPLICATE } from '../src/test/sampleRuns';
import { openFork, originalAt } from './forkRuns';

test('a fork with the inbox turned off at a step replays the original to there, then lets the duplicate through', async ({
  playground,
  page,
  context,
}) => {
  // The step at which the planned duplicate fires (index 1 of the plan): the fork is made two steps before it.
  const duplicateSent = async () => {
    const history = await playground.api((api) => api.history());
    const fired = history.find(
      (e) => e.fact.kind === 'fault-fired' && (e.fact as { index?: number }).index === 1,
    );
    expect(fired?.step).toBeGreaterThan(2);
    return fired!.step! - 2;
  };
  const { trace: original, step } = await originalAt(playground, CRASH_AND_DUPLICATE, duplicateSent);
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
  const fork = page.getByRole('group', { name: 'Fork from here' });
  await fork.getByLabel('Fork with').selectOption('inbox');
  // Only a crash has a service and a point to choose.
  await expect(fork.getByLabel('of', { exact: true })).toHaveCount(0);
  const link = fork.getByRole('link', { name: `Fork from step ${step}` });
  await expect(link).toHaveAttribute('title', new RegExp(`step ${step}, then the inbox off`));
  const href = (await link.getAttribute('href'))!;
  const compareHref = (await fork.getByRole('link', { name: 'Compare with this run' }).getAttribute('href'))!;

  const { forked, errors } = await openFork(context, href);
  expect(await forked.evaluate(() => window.playground!.sim().steps)).toBe(step);
  // The canvas says the inbox is off from here, as the run's services have it.
  await expect(forked.getByTestId('node-inventory')).toContainText('inbox off');
  await forked.evaluate(() => window.playground!.runToEnd());
  const trace = await forked.evaluate(() => window.playground!.trace());
  expect(trace.slice(0, step)).toEqual(original.slice(0, step));
  expect(trace).not.toEqual(original);
  const anomalies = await forked.evaluate(() => window.playground!.anomalies());
  expect(anomalies.length).toBeGreaterThan(0);
  // The fork's own link keeps the inbox as the original had it: the change travels in its parameter.
  expect(await forked.evaluate(() => window.playground!.scenario().inbox)).toBe(true);
  expect(new URL(forked.url()).searchParams.get('fork')).toBe('{"switch":"inbox","on":false}');
  expect(errors).toEqual([]);

  // Side by side: both at the fork's step, the header naming the one change, and only the fork ends with anomalies.
  const compare = await context.newPage();
  await compare.goto(compareHref);
  await expect(compare.getByTestId('compare-differs')).toHaveText(
    `what differs: B is a fork at step ${step}: the inbox off`,
  );
  await expect(compare.getByTestId('compare-b')).toContainText(`fork at step ${step}: the inbox off`);
  const runBoth = compare.getByRole('button', { name: 'Run both to end' });
  await expect(runBoth).toBeEnabled();
  await runBoth.click();
  await expect(compare.getByTestId('compare-a')).toContainText('no anomalies');
  await expect(compare.getByLabel('Anomalies of B').locator('li').first()).toBeVisible();
});
