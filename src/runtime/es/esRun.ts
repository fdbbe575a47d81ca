// How an event-sourced run is made: its conductor and its window.playground.

import type { RunKit } from '../boot';
import type { EsController } from '../esController';
import { EsConductor } from './EsConductor';
import { createEsPlaygroundApi } from './esPlaygroundApi';

export const esRun: RunKit<EsController, EsConductor> = {
  topology: 'event-sourced',
  name: 'The event-sourced run',
  create: (options) => new EsConductor(options),
  api: createEsPlaygroundApi,
};
