// How a shop run is made: its conductor and its window.playground.

import type { RunKit } from '../boot';
import type { Controller } from '../controller';
import { createPlaygroundApi } from '../playgroundApi';
import { ShopConductor } from './ShopConductor';

export const shopRun: RunKit<Controller, ShopConductor> = {
  topology: 'shop',
  name: 'The playground',
  create: (options) => new ShopConductor(options),
  api: createPlaygroundApi,
};
