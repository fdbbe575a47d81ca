// Starts a page's run (CDC, event-sourced): claims the run the link names (or
// a fresh one, written back into the URL so a reload resumes it), creates the
// page's conductor from the link's scenario, starts it and installs its
// scripting API; and, when even that fails, falls back to a controller that
// says why.

import type { Scenario } from '../../core/scenario/scenario';
import { claimRun } from '../runClaim';
import { scenarioFromUrl } from '../scenarioOptions';

interface Startable {
  start(): Promise<void>;
  dispose(): void;
}

export interface PageBoot<C extends Startable> {
  create(options: { runId: string; scenario: Scenario }): C;
  installApi(conductor: C, started: Promise<void>): void;
}

export async function bootPage<C extends Startable>(
  location: Location,
  page: PageBoot<C>,
): Promise<{ conductor: C; started: Promise<void> }> {
  const { runId } = await claimRun(new URLSearchParams(location.search).get('run'));
  const conductor = page.create({ runId, scenario: scenarioFromUrl(location).scenario });
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  history.replaceState(history.state, '', url);
  const started = conductor.start();
  page.installApi(conductor, started);
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started };
}

/**
 * The controller the page renders: the run's conductor, or — when even claiming a run failed — the page's
 * `unavailable` one that says why. `run` names the run in the console ("The CDC run").
 */
export async function startPageRun<C>(
  run: string,
  boot: () => Promise<{ conductor: C; started: Promise<void> }>,
  unavailable: (cause: unknown) => C,
): Promise<C> {
  try {
    const { conductor, started } = await boot();
    // A failed start is already an error event the UI shows; this keeps the console honest too.
    started.catch((err: unknown) => console.error(`${run} did not start`, err));
    return conductor;
  } catch (err) {
    console.error(`${run} could not be loaded`, err);
    return unavailable(err);
  }
}
