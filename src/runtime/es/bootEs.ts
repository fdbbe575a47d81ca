// Starts an event-sourced run for the page (a link whose scenario has
// topology 'event-sourced'): the EsConductor and its scripting API, booted as
// every page's run is.

import type { EsController } from '../esController';
import { bootPage, startPageRun } from '../page/bootPage';
import { EsConductor } from './EsConductor';
import { createEsPlaygroundApi, installEsPlaygroundApi } from './esPlaygroundApi';
import { unavailableEsController } from './unavailableEsController';

export function bootEs(location: Location): Promise<{ conductor: EsConductor; started: Promise<void> }> {
  return bootPage(location, {
    create: (options) => new EsConductor(options),
    installApi: (conductor, started) => installEsPlaygroundApi(createEsPlaygroundApi(conductor, started)),
  });
}

/** The controller the page renders: the run's conductor, or — when even claiming a run failed — one that says why. */
export function startEsRun(location: Location): Promise<EsController> {
  return startPageRun<EsController>(
    'The event-sourced run',
    () => bootEs(location),
    (err) => unavailableEsController(err),
  );
}
