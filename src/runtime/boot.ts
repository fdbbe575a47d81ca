// Starts a run for the page: reads the scenario the URL carries (a share link,
// or the older query parameters), starts the conductor, and installs
// window.playground.

import { ShopConductor as Conductor } from './shop/ShopConductor';
import { createPlaygroundApi } from './playgroundApi';
import { claimRun } from './runClaim';
import { scenarioFromUrl } from './scenarioOptions';

export function conductorFromLocation(
  location: Pick<Location, 'search' | 'hash'>,
  runId?: string,
  resumed = false,
): { conductor: Conductor; linkError: string | null } {
  const { scenario, linkError } = scenarioFromUrl(location);
  const conductor = new Conductor({ scenario, runId, resumed });
  if (linkError) conductor.reportLinkError(linkError);
  return { conductor, linkError };
}

/**
 * Claims the run the link names (or a fresh one, written back into the URL so a reload resumes it),
 * then creates the conductor and the scripting API; the workers start in the background.
 */
export async function boot(
  location: Location,
): Promise<{ conductor: Conductor; started: Promise<void>; resumed: boolean }> {
  const { runId, resumed } = await claimRun(new URLSearchParams(location.search).get('run'));
  const { conductor, linkError } = conductorFromLocation(location, runId, resumed);
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  // The page runs the default scenario instead of a bad link: drop the link, so a reload does not trip on it again.
  if (linkError) url.hash = '';
  history.replaceState(history.state, '', url);
  const started = conductor.start();
  window.playground = createPlaygroundApi(conductor, started);
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started, resumed };
}
