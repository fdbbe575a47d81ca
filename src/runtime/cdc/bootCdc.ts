// Starts a CDC run for the page (a link whose scenario has topology 'cdc'):
// claims the run the link names (or a fresh one, written back into the URL so
// a reload resumes it), starts the CdcConductor and installs the scripting API.

import type { CdcController } from '../cdcController';
import { claimRun } from '../runClaim';
import { scenarioFromUrl } from '../scenarioOptions';
import { CdcConductor } from './CdcConductor';
import { createCdcPlaygroundApi, installCdcPlaygroundApi } from './cdcPlaygroundApi';
import { unavailableCdcController } from './unavailableCdcController';

export async function bootCdc(location: Location): Promise<{ conductor: CdcConductor; started: Promise<void> }> {
  const { runId } = await claimRun(new URLSearchParams(location.search).get('run'));
  const conductor = new CdcConductor({ runId, scenario: scenarioFromUrl(location).scenario });
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  history.replaceState(history.state, '', url);
  const started = conductor.start();
  installCdcPlaygroundApi(createCdcPlaygroundApi(conductor, started));
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started };
}

/** The controller the page renders: the run's conductor, or — when even claiming a run failed — one that says why. */
export async function startCdcRun(location: Location): Promise<CdcController> {
  try {
    const { conductor, started } = await bootCdc(location);
    // A failed start is already an error event the UI shows; this keeps the console honest too.
    started.catch((err: unknown) => console.error('The CDC run did not start', err));
    return conductor;
  } catch (err) {
    console.error('The CDC run could not be loaded', err);
    return unavailableCdcController(err);
  }
}
