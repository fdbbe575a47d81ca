import { test as base, expect } from '@playwright/test';
import { test } from './fixtures';
import { packText } from '../src/core/scenario/packing';
import type { PlaygroundApi } from '../src/runtime/playgroundApi';

base('without IndexedDB the page says why instead of going blank', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('./?pace=fast');
  await expect(page.getByRole('alert')).toContainText('IndexedDB is not available');
  await expect(page.getByRole('alert')).toContainText('MPP001');
});

test('a handler that keeps throwing is retried, dead-lettered, and shown', async ({ playground }) => {
  // A negative total makes the payment handler throw on every attempt.
  const id = await playground.api((api) => api.placeOrder({ total: -5 }));
  await expect
    .poll(async () => (await playground.api((api) => api.snapshot())).broker.deadLetters.length, {
      timeout: 30_000,
    })
    .toBe(1);
  const snapshot = await playground.api((api) => api.snapshot());
  const letter = snapshot.broker.deadLetters[0] as {
    subject: string;
    data: { failures: number; error: string };
  };
  expect(letter.subject).toBe(id);
  expect(letter.data.error).toContain('amount must be positive');
  expect(snapshot.services.payment.payments).toEqual([]);
  await expect(playground.node('broker')).toContainText(/dead.letter/i);
  await playground.api((api) => api.settle(30_000));
  const anomalies = await playground.api((api) => api.anomalies());
  expect(anomalies.map((a) => a.invariant)).toEqual(['no-order-stuck']);
});

test('a tampered share link says what is wrong and opens the default scenario instead', async ({ page }) => {
  await page.goto('./#s/v1/%3Cscript%3Ealert(1)%3C%2Fscript%3E');
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  const banner = page.getByRole('alert').filter({ hasText: 'MPP009' });
  await expect(banner).toContainText('could not be opened');
  expect(await page.evaluate(() => window.playground!.mode)).toBe('live');
  expect(new URL(page.url()).hash).toBe('');
  expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);
});

const MUCH = { id: 'alice', credit: 'much', cardDeclined: false };
const MUCH_PROBLEM = 'row.credit: expected an integer from 0 to 1000000000000000, got "much"';

test('a share link whose data row holds text for money names the cell and sets nothing', async ({ page }) => {
  // Built as the encoder would, from JSON it would never write: a link is only text.
  const data = [{ service: 'payment', table: 'customers', row: MUCH }];
  await page.goto(`./#s/v1/${packText(JSON.stringify({ data }))}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  const banner = page.getByRole('alert').filter({ hasText: 'MPP009' });
  await expect(banner).toContainText(`settings the playground cannot use: data[0].${MUCH_PROBLEM}.`);
  const { customers } = (await page.evaluate(() => (window.playground as PlaygroundApi).snapshot())).services
    .payment;
  expect(customers.find((c) => c.id === 'alice')).toEqual({
    id: 'alice',
    credit: 100_000,
    cardDeclined: false,
  });
});

test('a script cannot write a cell its column does not hold either', async ({ playground }) => {
  const outcome = await playground.api(
    (api, row) =>
      api.editRow('payment', 'customers', row).then(
        () => 'written',
        (error: Error) => error.message,
      ),
    MUCH,
  );
  expect(outcome).toBe(`not a valid payment.customers row: ${MUCH_PROBLEM}`);
  const { customers } = (await playground.api((api) => api.snapshot())).services.payment;
  expect(customers.find((c) => c.id === 'alice')?.credit).toBe(100_000);
});

test('a link asking an event-sourced run for a broker fault is refused with the reason, and plans nothing', async ({
  page,
}) => {
  // Every setting is valid on its own; the event-sourced run has no broker to duplicate a delivery.
  const settings = {
    topology: 'event-sourced',
    faults: [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }],
  };
  await page.goto(`./#s/v1/${packText(JSON.stringify(settings))}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground!.ready());
  const banner = page.getByRole('alert').filter({ hasText: 'MPP009' });
  await expect(banner).toContainText(
    'MPP027: This link asks an event-sourced run for something it cannot do: faults[0].kind: a duplicate delivery is a broker fault, and an event-sourced run has no broker.',
  );
  expect(await page.evaluate(() => (window.playground as PlaygroundApi).faultPlan())).toEqual([]);
  expect(new URL(page.url()).hash).toBe('');
});
