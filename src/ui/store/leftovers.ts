// Pure: what a run without compensation leaves behind, read across services'
// mirrors — here, customers charged for an order that was then cancelled.

import type { PlaygroundData } from './types';
import { table } from './selectors';

/**
 * Charges still standing for cancelled orders. In a saga this is a moment on
 * the way to a refund; with direct calls nothing ever refunds, so it stays.
 */
export function chargedForCancelled(state: Pick<PlaygroundData, 'mirror'>): number {
  const orders = table(state, 'order', 'orders');
  let n = 0;
  for (const payment of table(state, 'payment', 'payments').values()) {
    if (payment.status === 'CHARGED' && orders.get(payment.orderId)?.status === 'CANCELLED') n++;
  }
  return n;
}
