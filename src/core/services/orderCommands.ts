// Which command of the order service places an order, per approach: the
// conductor and the Node runner must agree, or their traces would differ.

import type { Ordering } from '../scenario/scenario';

export const ORDER_COMMANDS: Record<Ordering, string> = {
  messaging: 'placeOrder',
  'direct-calls': 'placeOrderDirect',
  'two-phase-commit': 'placeOrder2pc',
};
