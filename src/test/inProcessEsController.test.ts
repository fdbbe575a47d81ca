// The in-process event-sourced run crashes and restarts as the product's
// does: a killed process answers nothing, and its new host reads back what
// the old one committed to the same databases.
import { afterEach, describe, expect, it } from 'vitest';
import { createInProcessEsController, type InProcessEsController } from './inProcessEsController';

let run: InProcessEsController | undefined;
afterEach(() => run?.dispose());

describe('the in-process event-sourced controller', () => {
  it('refuses calls to a killed store; its restart reads the stream back from the same database', async () => {
    run = await createInProcessEsController({ scenario: { snapshotEvery: 2 } });
    await run.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await run.orderCommand('order-1', { type: 'addItem', sku: 'MUG', qty: 2, price: 12 });
    run.crashNow('orders');
    expect(run.status('orders')).toBe('crashed');
    await expect(run.orderCommand('order-1', { type: 'confirm' })).rejects.toThrow(/orders is crashed/);
    await run.restart('orders');
    expect((await run.stateAt('order-1')).state).toMatchObject({ status: 'DRAFT', total: 24 });
    expect((await run.events('order-1')).map((e) => e.version)).toEqual([1, 2]);
  });

  it('a query service killed while events arrive catches up from its checkpoint once restarted', async () => {
    run = await createInProcessEsController();
    await run.orderCommand('order-1', { type: 'create', customerId: 'alice' });
    await run.settle();
    run.crashNow('query');
    await run.orderCommand('order-1', { type: 'addItem', sku: 'LAMP', qty: 1, price: 60 });
    await expect(run.readModel('orderSummaries')).rejects.toThrow(/query is crashed/);
    await run.restart('query');
    await run.settle();
    expect(await run.readModel('orderSummaries')).toMatchObject([{ id: 'order-1', version: 2, total: 60 }]);
    expect(run.anomalies()).toEqual([]);
  });

  it('a bank killed between debit and credit finishes the transfer when it comes back, and the checker agrees', async () => {
    run = await createInProcessEsController();
    run.crashAt('bank', 'transfer-after-debit-before-credit');
    await expect(run.transfer('acc-alice', 'acc-bob', 30)).rejects.toThrow(/bank crashed/);
    await run.restart('bank');
    await run.settle();
    const balances = Object.fromEntries((await run.readModel('balances')).map((r) => [r.id, r.balance]));
    expect(balances).toEqual({ 'acc-alice': 70, 'acc-bob': 80, 'acc-carol': 0 });
    expect(run.anomalies()).toEqual([]);
  });
});
