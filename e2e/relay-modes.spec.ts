// The two outbox relays: polling the outbox table, or tailing the database's
// change log (Debezium's outbox event router). The same orders go through
// either; what differs is where events are published, what the relay reads
// and writes, and what the canvas shows — and the compare page puts them side by side.

import { test as base } from '@playwright/test';
import { test, expect, type PlaygroundPage } from './fixtures';
import { libraryEntry } from '../src/core/scenario/library';
import { compareLink } from '../src/ui/compare/compareLink';

async function fiveOrdersSettled(playground: PlaygroundPage) {
  await playground.api((api) => api.placeOrders(5));
  await playground.api((api) => api.settle(60_000));
  expect(await playground.api((api) => api.anomalies())).toEqual([]);
  return playground.api((api) => api.snapshot());
}

const topicsOf = (snapshot: Awaited<ReturnType<typeof fiveOrdersSettled>>) => [
  ...new Set(snapshot.broker.live.partitions.map((p) => p.topic)),
];

test('log-tailing: events go to outbox.event.<type>, outbox rows are never marked, the position covers the log', async ({
  playground,
}) => {
  await playground.open('pace=fast&relay=log-tailing');
  const snapshot = await fiveOrdersSettled(playground);
  const orders = snapshot.services.order.orders as { status: string }[];
  expect(orders.map((o) => o.status)).toEqual(Array(5).fill('COMPLETED'));
  expect(topicsOf(snapshot)).toEqual(expect.arrayContaining(['outbox.event.Order', 'outbox.event.Payment']));
  expect(topicsOf(snapshot)).not.toContain('order-events');

  const outbox = snapshot.services.order.outbox as { seq: number; published_at: number | null }[];
  expect(outbox).toHaveLength(5);
  expect(outbox.every((row) => row.published_at === null)).toBe(true);
  const changes = snapshot.services.order.changes as { seq: number; op: string; key: number }[];
  const position = (snapshot.services.order.meta as { key: string; value: { seq: number } }[]).find(
    (m) => m.key === 'relay-position',
  )!.value.seq;
  expect(changes.map((c) => c.key).sort()).toEqual(outbox.map((r) => r.seq).sort());
  expect(position).toBe(Math.max(...changes.map((c) => c.seq)));

  // The scripting API: the log as Debezium envelopes, and the relay's position.
  const records = await playground.api((api) => api.changes('order'));
  expect(
    records.map((r) => [
      r.value.op,
      r.value.source.service,
      r.value.source.table,
      (r.value.after as { type: string }).type,
    ]),
  ).toEqual(Array(5).fill(['c', 'order', 'outbox', 'OrderCreated']));
  expect(records.every((r) => r.value.before === null && typeof r.value.source.txId === 'string')).toBe(true);
  expect(records.map((r) => r.value.source.sequence)).toEqual(
    changes.map((c) => c.seq).sort((a, b) => a - b),
  );
  expect((await playground.api((api) => api.relayPositions())).order).toBe(position);

  // The canvas: the change log under the outbox, the relay's mode and what it read.
  const order = playground.node('order');
  await expect(order).toContainText(`change log position ${position} · 0 ahead`);
  await expect(order.getByTestId('relay-line')).toHaveAttribute('data-mode', 'log-tailing');
  await expect(order.getByTestId('relay-line')).toContainText('log reads');
  await expect(order).toContainText('0 pending · 5 published');
  await expect(playground.page.locator('.toolbar')).toContainText('log-tailing relay');
});

test('polling: events go to <service>-events and every outbox row is marked published', async ({
  playground,
}) => {
  const snapshot = await fiveOrdersSettled(playground);
  expect(topicsOf(snapshot)).toEqual(expect.arrayContaining(['order-events', 'payment-events']));
  expect(topicsOf(snapshot).some((t) => t.startsWith('outbox.event.'))).toBe(false);
  const outbox = snapshot.services.order.outbox as { published_at: number | null }[];
  expect(outbox.every((row) => row.published_at !== null)).toBe(true);
  expect(snapshot.services.order.changes).toEqual([]);
  expect(await playground.api((api) => api.changes('order'))).toEqual([]);
  expect((await playground.api((api) => api.relayPositions())).order).toBeNull();

  const order = playground.node('order');
  await expect(order.getByTestId('relay-line')).toHaveAttribute('data-mode', 'polling');
  await expect(order.getByTestId('relay-line')).toContainText('outbox queries');
  await expect(order).not.toContainText('change log');
});

base(
  'compare page: the polling and log-tailing library entries side by side, each showing its relay',
  async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const polling = libraryEntry('relay-polling')!;
    const tailing = libraryEntry('relay-log-tailing')!;
    await page.goto(compareLink('./', polling.scenario, tailing.scenario));
    const [left, right] = [page.frameLocator('iframe').first(), page.frameLocator('iframe').last()];
    await expect(left.getByTestId('node-order').getByTestId('relay-line')).toHaveAttribute(
      'data-mode',
      'polling',
      { timeout: 60_000 },
    );
    await expect(right.getByTestId('node-order').getByTestId('relay-line')).toHaveAttribute(
      'data-mode',
      'log-tailing',
      { timeout: 60_000 },
    );
    await expect(page.locator('.compare-side').first()).toContainText('polling relay');
    expect(errors).toEqual([]);
  },
);
