// How a CDC run is made: its conductor and its window.playground.

import type { RunKit } from '../boot';
import type { CdcController } from '../cdcController';
import { CdcConductor } from './CdcConductor';
import { createCdcPlaygroundApi } from './cdcPlaygroundApi';

export const cdcRun: RunKit<CdcController, CdcConductor> = {
  topology: 'cdc',
  name: 'The CDC run',
  create: (options) => new CdcConductor(options),
  api: createCdcPlaygroundApi,
};
