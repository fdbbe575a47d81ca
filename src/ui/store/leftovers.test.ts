import { describe, expect, it } from 'vitest';
import { applyEvents } from './applyEvents';
import { initialState } from './initialState';
import { chargedForCancelled } from './leftovers';

describe('chargedForCancelled', () => {
  it('counts charges still standing for cancelled orders; refunded ones and live orders do not count', () => {
    const s = applyEvents(
      initialState(),
      [
        {
          kind: 'hydrate',
          service: 'order',
          tables: {
            orders: [
              { id: 'o-1', status: 'CANCELLED' },
              { id: 'o-2', status: 'CANCELLED' },
              { id: 'o-3', status: 'PENDING' },
            ],
          },
        },
        {
          kind: 'hydrate',
          service: 'payment',
          tables: {
            payments: [
              { id: 'p-1', orderId: 'o-1', status: 'CHARGED' },
              { id: 'p-2', orderId: 'o-2', status: 'REFUNDED' },
              { id: 'p-3', orderId: 'o-3', status: 'CHARGED' },
            ],
          },
        },
      ],
      0,
    );
    expect(chargedForCancelled(s)).toBe(1);
    expect(chargedForCancelled(initialState())).toBe(0);
  });
});
