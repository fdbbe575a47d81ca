// Sagas through the UI, as a workshop presenter would: break the warehouse in
// the Setup tab, watch a saga get stuck, mend the data, press Retry.
import { test, expect } from './fixtures';

test('a stuck saga is listed with its reason, and Retry in the panel finishes its compensation', async ({
  playground,
  page,
}) => {
  await playground.open('pace=fast&style=orchestration');
  await expect(playground.node('orchestrator')).toHaveAttribute('data-status', 'running');

  await page.getByRole('tab', { name: /Setup/ }).click();
  const undoFails = page.getByRole('checkbox', { name: 'warehouse: undo fails' });
  await undoFails.click();
  await expect(undoFails).toBeChecked(); // shown once the edit has committed in the inventory's database

  const orderId = await playground.api((api) =>
    api.placeOrder({ customerId: 'bob', items: [{ sku: 'SKU-LAMP', qty: 1 }], region: 'MOON' }),
  );
  await playground.api((api) => api.setSpeed(4)); // backoffs on the simulation clock: 4× sooner

  await page.getByRole('tab', { name: /Sagas/ }).click();
  const stuck = page.locator('.stuck-sagas');
  await expect(stuck).toContainText('ReleaseInventory failed 4 times', { timeout: 30_000 });

  await page.getByRole('tab', { name: /Setup/ }).click();
  await undoFails.click();
  await expect(undoFails).not.toBeChecked();
  await page.getByRole('tab', { name: /Sagas/ }).click();
  await page.getByRole('button', { name: `Retry (order ${orderId})` }).click();

  await expect(stuck).toHaveCount(0, { timeout: 30_000 });
  await playground.api((api) => api.settle(30_000));
  const saga = (await playground.api((api) => api.sagas())).find((s) => s.orderId === orderId)!;
  expect(saga.status).toBe('COMPENSATED');
  expect(saga.compensated).toEqual(['processPayment', 'reserveInventory', 'createOrder']);
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
});

test('a choreographed order shows its event chain in the saga panel', async ({ playground, page }) => {
  await playground.api((api) =>
    api.editRow('inventory', 'stock', { sku: 'SKU-LAMP', available: 0, reserved: 0 }),
  );
  const orderId = await playground.api((api) =>
    api.placeOrder({ customerId: 'alice', items: [{ sku: 'SKU-LAMP', qty: 1 }] }),
  );
  await playground.api((api) => api.settle(30_000));
  await page.getByRole('tab', { name: /Sagas/ }).click();
  // The panel names orders by the last four characters of their id.
  await page
    .getByRole('button', { name: `o-${orderId.slice(-4)}`, exact: true })
    .first()
    .click();
  const detail = page.locator('.side-body');
  for (const type of ['OrderCreated', 'PaymentCompleted', 'InventoryReservationFailed', 'PaymentRefunded'])
    await expect(detail).toContainText(type);
});
