// Deterministic runs: the same share link gives the same trace and the same
// databases in two browser contexts and headless in Node; another seed gives
// another trace.

import { test, expect, PlaygroundPage } from './fixtures';
import type { Browser } from '@playwright/test';
import { encodeScenario } from '../src/core/scenario/link';
import type { Scenario } from '../src/core/scenario/scenario';
import { runDeterministic } from '../src/test/deterministicRun';
import { CRASH_AND_DUPLICATE } from '../src/test/sampleRuns';

const scenario = CRASH_AND_DUPLICATE;

/** Opens the link in a fresh browser context (its own IndexedDB), runs it to its end, and reads the fingerprints. */
async function runInBrowser(browser: Browser, s: Scenario) {
  const context = await browser.newContext();
  try {
    const playground = new PlaygroundPage(await context.newPage());
    await playground.open(`x=1${encodeScenario(s)}`);
    await playground.api((api) => api.runToEnd());
    return await playground.api(async (api) => ({
      sim: api.sim(),
      trace: api.trace(),
      stateHash: await api.stateHash(),
      anomalies: api.anomalies(),
    }));
  } finally {
    await context.close();
  }
}

test('the same link run twice in the browser and once in Node gives identical trace and state hashes', async ({
  browser,
}) => {
  const first = await runInBrowser(browser, scenario);
  const second = await runInBrowser(browser, scenario);
  const node = await runDeterministic(scenario);
  expect(first.sim.done).toBe(true);
  expect(first.anomalies).toEqual([]);
  expect(first.trace.some((line) => line.endsWith('→ crashed'))).toBe(true);
  expect(second.trace).toEqual(first.trace);
  expect(second.sim.traceHash).toBe(first.sim.traceHash);
  expect(second.stateHash).toBe(first.stateHash);
  expect(node.trace).toEqual(first.trace);
  expect(node.traceHash).toBe(first.sim.traceHash);
  expect(node.stateHash).toBe(first.stateHash);
  const other = await runInBrowser(browser, { ...scenario, seed: 8 });
  expect(other.sim.traceHash).not.toBe(first.sim.traceHash);
});

test('the toolbar says which mode is on', async ({ playground }) => {
  await expect(playground.page.getByTestId('run-mode')).toHaveText(/Live/);
  await playground.open(`x=1${encodeScenario(scenario)}`);
  await expect(playground.page.getByTestId('run-mode')).toHaveText(/Deterministic · seed 7/);
});
