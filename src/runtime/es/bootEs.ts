// Starts an event-sourced run for the page (a link whose scenario has
// topology 'event-sourced'): claims the run the link names (or a fresh one,
// written back into the URL so a reload resumes it), starts the EsConductor
// and installs the scripting API.

import { claimRun } from '../runClaim';
import { scenarioFromUrl } from '../scenarioOptions';
import type { EsController } from '../esController';
import { EsConductor } from './EsConductor';
import { createEsPlaygroundApi, installEsPlaygroundApi } from './esPlaygroundApi';
import { unavailableEsController } from './unavailableEsController';

/** Whether the page's address asks for an event-sourced run. */
export async function bootEs(location: Location): Promise<{ conductor: EsConductor; started: Promise<void> }> {
  const { runId } = await claimRun(new URLSearchParams(location.search).get('run'));
  const conductor = new EsConductor({ runId, scenario: scenarioFromUrl(location).scenario });
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  history.replaceState(history.state, '', url);
  const started = conductor.start();
  installEsPlaygroundApi(createEsPlaygroundApi(conductor, started));
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started };
}

/** The controller the page renders: the run's conductor, or — when even claiming a run failed — one that says why. */
export async function startEsRun(location: Location): Promise<EsController> {
  try {
    const { conductor, started } = await bootEs(location);
    // A failed start is already an error event the UI shows; this keeps the console honest too.
    started.catch((err: unknown) => console.error('The event-sourced run did not start', err));
    return conductor;
  } catch (err) {
    console.error('The event-sourced run could not be loaded', err);
    return unavailableEsController(err);
  }
}
