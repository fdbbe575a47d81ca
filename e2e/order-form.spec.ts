import { test, expect } from './fixtures';

test('Order… places N orders of the chosen kind, from the keyboard', async ({ playground, page }) => {
  await page.getByRole('button', { name: /Order…/ }).click();
  await expect(page.getByLabel('order customer')).toBeFocused(); // the form opens with focus on its first field
  await page.getByLabel('order customer').selectOption('carol');
  await page.getByLabel('order SKU').selectOption('SKU-MUG');
  await page.getByLabel('order qty').fill('2');
  await page.getByLabel('how many orders').fill('3');
  await page.getByLabel('how many orders').press('Enter');
  await playground.api((api) => api.settle(30_000));
  const orders = (await playground.api((api) => api.snapshot())).services.order.orders as {
    customerId: string;
    items: { sku: string; qty: number }[];
    status: string;
  }[];
  expect(orders).toHaveLength(3);
  for (const o of orders)
    expect(o).toMatchObject({
      customerId: 'carol',
      items: [{ sku: 'SKU-MUG', qty: 2 }],
      status: 'COMPLETED',
    });
});
