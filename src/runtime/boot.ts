// Starts a run for the page: reads the few settings the URL may carry, starts
// the conductor, and installs window.playground.

import { isPace } from '../core/service/pace';
import { Conductor, type Ordering } from './conductor';

const ORDERINGS: Ordering[] = ['messaging', 'direct-calls', 'two-phase-commit'];
import { createPlaygroundApi } from './playgroundApi';

export function conductorFromLocation(location: Pick<Location, 'search'>): Conductor {
  const params = new URLSearchParams(location.search);
  const pace = params.get('pace');
  const style = params.get('style');
  return new Conductor({
    pace: isPace(pace) ? pace : 'teaching',
    sagaStyle: style === 'orchestration' ? 'orchestration' : 'choreography',
    publishing: params.get('publishing') === 'dual-write' ? 'dual-write' : 'outbox',
    ordering: ORDERINGS.find((o) => o === params.get('ordering')) ?? 'messaging',
  });
}

/** Creates the conductor and the scripting API at once; the workers start in the background. */
export function boot(location: Pick<Location, 'search'>): { conductor: Conductor; started: Promise<void> } {
  const conductor = conductorFromLocation(location);
  const started = conductor.start();
  window.playground = createPlaygroundApi(conductor, started);
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started };
}
