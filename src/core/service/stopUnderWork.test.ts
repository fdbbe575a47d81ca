// A service stopped while its loops are mid-read (the Node stand-in for a
// terminated worker) ends quietly: the database closed under a pending read is
// the process ending, not a fault to report or throw. Regression: a CI run
// failed on an unhandled DatabaseClosedError from the relay after a crash.

import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';

let h: Harness;
afterEach(() => h?.close());

const order = { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] };

describe('a service stopped under work', () => {
  it('leaves no unhandled rejection and reports no failure', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      h = createHarness();
      await h.startBroker();
      await h.startService('order');
      for (let round = 0; round < 20; round++) {
        const placed = h.service('order').command('placeOrder', order);
        // The commit wakes the relay, whose next read is queued behind it: stop while it waits.
        await placed;
        if (round % 2) await Promise.resolve();
        h.kill('order');
        await new Promise((resolve) => setTimeout(resolve, 20));
        await h.startService('order');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
      expect(h.facts.filter((f) => f.kind === 'handler-failed')).toEqual([]);
      const orders = (await h.read('order')).orders;
      expect(orders).toHaveLength(20);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
