// Starts a CDC run for the page (a link whose scenario has topology 'cdc'):
// the CdcConductor and its scripting API, booted as every page's run is.

import type { CdcController } from '../cdcController';
import { bootPage, startPageRun } from '../page/bootPage';
import { CdcConductor } from './CdcConductor';
import { createCdcPlaygroundApi, installCdcPlaygroundApi } from './cdcPlaygroundApi';
import { unavailableCdcController } from './unavailableCdcController';

export function bootCdc(location: Location): Promise<{ conductor: CdcConductor; started: Promise<void> }> {
  return bootPage(location, {
    create: (options) => new CdcConductor(options),
    installApi: (conductor, started) => installCdcPlaygroundApi(createCdcPlaygroundApi(conductor, started)),
  });
}

/** The controller the page renders: the run's conductor, or — when even claiming a run failed — one that says why. */
export function startCdcRun(location: Location): Promise<CdcController> {
  return startPageRun<CdcController>(
    'The CDC run',
    () => bootCdc(location),
    (err) => unavailableCdcController(err),
  );
}
