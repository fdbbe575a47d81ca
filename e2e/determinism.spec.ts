// Deterministic runs: the same share link gives the same trace and the same
// databases in two browser contexts and headless in Node; another seed gives
// another trace. For every topology: the shop, the event-sourced run, CDC.

import { test, expect, PlaygroundPage } from './fixtures';
import type { Browser } from '@playwright/test';
import { encodeScenario } from '../src/core/scenario/link';
import type { Scenario } from '../src/core/scenario/scenario';
import { runDeterministic } from '../src/test/deterministicRun';
import { CDC_CRASH_AND_RESTART, CRASH_AND_DUPLICATE, ES_CRASH_AND_RESTART } from '../src/test/sampleRuns';
import { runEsDeterministic } from '../src/test/esDeterministicRun';
import { runCdcDeterministic } from '../src/test/cdcDeterministicRun';
import type { RunPlaygroundApi } from '../src/runtime/topologies';
import type { SimState } from '../src/runtime/controller';
import { callPageApi } from './pageRun';

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

interface BrowserRun {
  sim: SimState;
  trace: string[];
  stateHash: string;
  anomalies: unknown[];
}

/** A run that crashed and recovered, ended clean, and was replayed exactly by a second browser context and by Node. */
function expectReplayed(
  first: BrowserRun,
  second: BrowserRun,
  node: { trace: string[]; traceHash: string; stateHash: string },
): void {
  expect(first.sim.done).toBe(true);
  expect(first.anomalies).toEqual([]);
  expect(first.trace.some((line) => line.endsWith('→ crashed'))).toBe(true);
  expect(second.trace).toEqual(first.trace);
  expect(second.sim.traceHash).toBe(first.sim.traceHash);
  expect(second.stateHash).toBe(first.stateHash);
  expect(node.trace).toEqual(first.trace);
  expect(node.traceHash).toBe(first.sim.traceHash);
  expect(node.stateHash).toBe(first.stateHash);
}

test('the same link run twice in the browser and once in Node gives identical trace and state hashes', async ({
  browser,
}) => {
  const first = await runInBrowser(browser, scenario);
  expectReplayed(first, await runInBrowser(browser, scenario), await runDeterministic(scenario));
  const other = await runInBrowser(browser, { ...scenario, seed: 8 });
  expect(other.sim.traceHash).not.toBe(first.sim.traceHash);
});

test('the toolbar says which mode is on', async ({ playground }) => {
  await expect(playground.page.getByTestId('run-mode')).toHaveText(/Live/);
  await playground.open(`x=1${encodeScenario(scenario)}`);
  await expect(playground.page.getByTestId('run-mode')).toHaveText(/Deterministic · seed 7/);
});

/** An ES or CDC link run to its end in a fresh browser context: its own IndexedDB, its page's window.playground. */
async function runPageInBrowser(browser: Browser, s: Scenario) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await new PlaygroundPage(page).open(`x=1${encodeScenario(s)}`);
    const run = (fn: (api: RunPlaygroundApi) => unknown) => callPageApi(page, fn);
    await run((api) => api.runToEnd());
    return (await run(async (api) => ({
      sim: api.sim(),
      trace: api.trace(),
      stateHash: await api.stateHash(),
      anomalies: api.anomalies(),
    }))) as BrowserRun;
  } finally {
    await context.close();
  }
}

const TOPOLOGY_RUNS = [
  { name: 'an event-sourced', scenario: ES_CRASH_AND_RESTART, node: runEsDeterministic },
  { name: 'a CDC', scenario: CDC_CRASH_AND_RESTART, node: runCdcDeterministic },
] as const;

for (const { name, scenario: linked, node: inNode } of TOPOLOGY_RUNS)
  test(`${name} link run twice in the browser and once in Node gives identical trace and state hashes; another seed others`, async ({
    browser,
  }) => {
    const first = await runPageInBrowser(browser, linked);
    expectReplayed(first, await runPageInBrowser(browser, linked), await inNode(linked));
    const other = await runPageInBrowser(browser, { ...linked, seed: linked.seed + 1 });
    expect(other.sim.traceHash).not.toBe(first.sim.traceHash);
    expect(other.stateHash).not.toBe(first.stateHash);
  });

for (const { name, scenario: linked } of TOPOLOGY_RUNS)
  test(`${name} link opens paused at step 0, says so, and its toolbar steps it, plays it and runs it to the end`, async ({
    playground,
  }) => {
    const { page } = playground;
    await playground.open(`x=1${encodeScenario(linked)}`);
    await expect(page.getByTestId('run-mode')).toHaveText(new RegExp(`Deterministic · seed ${linked.seed}`));
    const steps = page.getByRole('group', { name: 'Deterministic run' });
    const sim = () => callPageApi(page, (api: RunPlaygroundApi) => api.sim());
    await expect(steps.getByTestId('last-step')).toHaveText(/^step 0/);
    expect((await sim()).running).toBe(false);
    await steps.getByRole('button', { name: 'Step', exact: true }).click();
    await expect(steps.getByTestId('last-step')).toHaveText(/^step 1 · .+ → /);
    expect((await sim()).steps).toBe(1);
    await steps.getByRole('button', { name: 'Play' }).click();
    await expect(steps.getByRole('button', { name: 'Pause' })).toBeVisible();
    await steps.getByRole('button', { name: 'Run to end' }).click();
    await expect(steps.getByTestId('last-step')).toHaveText(/ · done/);
    const end = await sim();
    expect(end.done).toBe(true);
    expect(await callPageApi(page, (api: RunPlaygroundApi) => api.trace().length)).toBe(end.steps);
    await expect(steps.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();
  });
