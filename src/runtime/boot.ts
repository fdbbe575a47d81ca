// Starts a run for the page: reads the few settings the URL may carry, starts
// the conductor, and installs window.playground.

import { isPace } from '../core/service/pace';
import { Conductor, type Ordering } from './conductor';
import { createPlaygroundApi } from './playgroundApi';
import { claimRun } from './runClaim';

const ORDERINGS: Ordering[] = ['messaging', 'direct-calls', 'two-phase-commit'];

export function conductorFromLocation(location: Pick<Location, 'search'>, runId?: string): Conductor {
  const params = new URLSearchParams(location.search);
  const pace = params.get('pace');
  const style = params.get('style');
  return new Conductor({
    pace: isPace(pace) ? pace : 'teaching',
    sagaStyle: style === 'orchestration' ? 'orchestration' : 'choreography',
    publishing: params.get('publishing') === 'dual-write' ? 'dual-write' : 'outbox',
    ordering: ORDERINGS.find((o) => o === params.get('ordering')) ?? 'messaging',
    runId,
  });
}

/**
 * Claims the run the link names (or a fresh one, written back into the URL so a reload resumes it),
 * then creates the conductor and the scripting API; the workers start in the background.
 */
export async function boot(location: Location): Promise<{ conductor: Conductor; started: Promise<void>; resumed: boolean }> {
  const { runId, resumed } = await claimRun(new URLSearchParams(location.search).get('run'));
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  history.replaceState(history.state, '', url);
  const conductor = conductorFromLocation(location, runId);
  const started = conductor.start();
  window.playground = createPlaygroundApi(conductor, started);
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started, resumed };
}
