// Fork from here beyond the shop: a deterministic CDC or event-sourced run,
// viewed at a past step, forks into a new run that replays it to there and
// then adds a crash of the process picked — its trace the original's up to
// the step, the crash firing only after it — and its own link keeps the
// original's plan. These pages have no switches to flip, so none is offered.

import { test, expect } from './fixtures';
import type { Scenario } from '../src/core/scenario/scenario';
import { CDC_CRASH_AND_RESTART, ES_CRASH_AND_RESTART } from '../src/test/sampleRuns';
import { openFork, originalAt } from './forkRuns';

const PAGES: { name: string; scenario: Scenario; process: string; point: string }[] = [
  {
    name: 'CDC',
    scenario: CDC_CRASH_AND_RESTART,
    process: 'query',
    point: 'consumer-after-commit-before-ack',
  },
  {
    name: 'event-sourced',
    scenario: ES_CRASH_AND_RESTART,
    process: 'query',
    point: 'projection-before-checkpoint-commit',
  },
];

for (const { name, scenario, process, point } of PAGES)
  test(`the ${name} page: Fork from here with a crash of ${process} replays the run to the step, then crashes it`, async ({
    playground,
    page,
    context,
  }) => {
    const step = 5;
    const { trace: original } = await originalAt(playground, scenario, step);
    const fork = page.getByRole('group', { name: 'Fork from here' });
    const what = fork.getByLabel('Fork with');
    await expect(what).toHaveValue('crash');
    await expect(what.locator('option')).toHaveText(['a crash']);
    await fork.getByLabel('of', { exact: true }).selectOption(process);
    await fork.getByLabel('at', { exact: true }).selectOption(point);
    const href = (await fork.getByRole('link', { name: `Fork from step ${step}` }).getAttribute('href'))!;

    const { forked, errors } = await openFork(context, href);
    expect(await forked.evaluate(() => window.playground!.sim().steps)).toBe(step);
    expect(await forked.evaluate(() => window.playground!.faultPlan())).toContainEqual({
      kind: 'crash',
      service: process,
      point,
      nth: 1,
    });
    await forked.evaluate(() => window.playground!.runToEnd());
    const trace = await forked.evaluate(() => window.playground!.trace());
    expect(trace.slice(0, step)).toEqual(original.slice(0, step));
    const crashes = (await forked.evaluate(() => window.playground!.history())).filter((e) => {
      const fact = e.fact as { kind: string; process?: string };
      return fact.kind === 'crashed' && fact.process === process;
    });
    expect(crashes.length).toBeGreaterThan(0);
    expect(crashes.every((e) => (e.step ?? 0) > step)).toBe(true);
    expect(await forked.evaluate(() => window.playground!.scenario().faults)).toEqual(scenario.faults);
    // A fork offers no second fork: its link holds one change.
    await forked.getByTestId('timeline').focus();
    await forked.keyboard.press('Home');
    await expect(forked.getByRole('note').filter({ hasText: 'This run is a fork' })).toBeVisible();
    expect(errors).toEqual([]);
  });
