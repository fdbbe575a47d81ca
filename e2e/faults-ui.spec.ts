// The fault plan from the UI: a fault added in the Faults tab is armed in the
// running processes, fires at its logical trigger, and is marked on the
// timeline; a deterministic run is stepped and run to its end from the toolbar.

import { test, expect } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO } from '../src/core/scenario/scenario';

test('a crash added in the Faults tab fires on the timeline, and the run still ends clean', async ({
  playground,
  page,
}) => {
  await playground.open(
    `x=1${encodeScenario({ ...DEFAULT_SCENARIO, mode: 'deterministic', pace: 'fast', seed: 3, orders: 2 })}`,
  );
  await page.getByRole('tab', { name: /Faults/ }).click();
  const form = page.getByRole('form', { name: 'Add a fault' });
  await form.getByLabel('Kind').selectOption('crash');
  await form.getByLabel('Service').selectOption('payment');
  await form.getByLabel('Crash point').selectOption('consumer-after-commit-before-ack');
  await form.getByLabel('Which time').fill('1');
  await form.getByLabel('Which time').press('Enter');
  await expect(
    page.getByText('Added: payment crashes the 1st time it reaches consumer-after-commit-before-ack'),
  ).toBeVisible();
  expect(await playground.api((api) => api.faultPlan())).toEqual([
    { kind: 'crash', service: 'payment', point: 'consumer-after-commit-before-ack', nth: 1 },
  ]);
  await expect(page.getByText('No fault has fired yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('run-mode')).toHaveText(/step 1$/);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await expect(page.getByTestId('sim-done')).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Fired faults, earliest first' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(page.getByText(/fired at step \d+/)).toBeVisible();
  expect(await playground.api((api) => api.trace().filter((line) => line.endsWith('→ crashed')).length)).toBe(
    1,
  );
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
});

test('closing the tab mid-run and reopening the link resumes a deterministic run without placing its orders again', async ({
  playground,
  page,
}) => {
  await playground.open(
    `x=1${encodeScenario({ ...DEFAULT_SCENARIO, mode: 'deterministic', pace: 'fast', seed: 5, orders: 4 })}`,
  );
  for (let i = 0; i < 12; i++) await playground.api((api) => api.step());
  const placed = await playground.api(async (api) => (await api.snapshot()).services.order.orders.length);
  expect(placed).toBeGreaterThan(0);
  await page.reload();
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  await playground.api((api) => api.runToEnd());
  const orders = await playground.api(
    async (api) => (await api.snapshot()).services.order.orders as { status: string }[],
  );
  expect(orders).toHaveLength(4);
  expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['COMPLETED']));
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
});

test('a fault plan that is not valid is refused with the reason', async ({ playground }) => {
  const refused = await playground.api((api) =>
    api.setFaultPlan([{ kind: 'crash', service: 'payment', point: 'nowhere', nth: 0 } as never]).then(
      () => 'accepted',
      (e: Error) => e.message,
    ),
  );
  expect(refused).toMatch(/not a valid fault plan: .*point/);
  expect(await playground.api((api) => api.faultPlan())).toEqual([]);
});

test('in a live run a planned duplicate fires at its delivery and is marked, and the inbox absorbs it', async ({
  playground,
  page,
}) => {
  await playground.api((api) =>
    api.setFaultPlan([{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }]),
  );
  await playground.api((api) => api.placeOrder());
  await playground.api((api) => api.settle(60_000));
  await page.getByRole('tab', { name: /Faults/ }).click();
  await expect(
    page.getByRole('list', { name: 'Fired faults, earliest first' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(page.getByText(/fired at t=/)).toBeVisible();
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
});
