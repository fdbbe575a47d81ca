import { test, expect } from './fixtures';

// Stock and credit for every order, so a burst of them all complete.
async function unlimited(playground: import('./fixtures').PlaygroundPage) {
  await playground.api(async (api) => {
    for (const sku of ['SKU-BOOK', 'SKU-MUG', 'SKU-LAMP'])
      await api.editRow('inventory', 'stock', { sku, available: 1e9, reserved: 0 });
    for (const id of ['alice', 'bob', 'carol', 'dave'])
      await api.editRow('payment', 'customers', { id, credit: 1e12, cardDeclined: false });
  });
}

test('under heavy traffic the canvas says it only summarises, counts every order, and animates again once traffic stops', async ({
  playground,
}) => {
  await unlimited(playground);
  const badge = playground.page.getByTestId('load-badge');
  await expect(badge).toBeHidden();
  const ids = await playground.api((api) => api.placeOrders(150));
  await expect(badge).toBeVisible();
  await expect(badge).toHaveText(/Heavy traffic: counts only, no message animation/);
  await playground.api((api) => api.settle(60_000));
  await expect(badge).toBeHidden();
  await expect(playground.node('order')).toContainText(`${ids.length} total`);
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
});
