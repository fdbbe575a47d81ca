// Every service of the shop, by name.

import type { ServiceName } from '../rows';
import type { ServiceDefinition } from '../service/definition';
import { orderService } from './order';
import { paymentService } from './payment';
import { inventoryService } from './inventory';
import { shippingService } from './shipping';
import { orchestratorService } from './orchestrator';

export const SERVICES: Record<ServiceName, ServiceDefinition> = {
  order: orderService,
  payment: paymentService,
  inventory: inventoryService,
  shipping: shippingService,
  orchestrator: orchestratorService,
};
