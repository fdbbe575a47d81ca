// Test code, never shipped: the history's figures for `npm run bench`
// (scripts/bench/history.mjs runs this file with HISTORY_BENCH_OUT set; a
// plain test run skips it). Shop-shaped facts — an order's commit, its
// record, the payment's handling commit, the offset — recorded by the
// thousand, then past moments rebuilt: the fold alone, and the fold plus the
// snapshot's shape (what a scrub draws from).

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FactHistory } from '../core/history/factHistory';
import { shopFold, shopMoment, type ShopState } from '../core/history/shopFold';
import type { Fact } from '../core/telemetry';

const OUT = process.env.HISTORY_BENCH_OUT;

/** Four facts per order: 1/4 of them each kind, every order at its own step time. */
function* shopFacts(count: number): Generator<{ fact: Fact; at: number }> {
  for (let i = 0; i < count / 4; i++) {
    const at = i * 10;
    const id = `evt-${i}`;
    const event = { id, type: 'OrderCreated', subject: `o-${i}`, source: 'order', data: { total: 12 } };
    yield {
      at,
      fact: {
        kind: 'commit',
        service: 'order',
        changes: [
          { table: 'orders', op: 'put', key: `o-${i}`, row: { id: `o-${i}`, status: 'PENDING', total: 12 } },
          {
            table: 'outbox',
            op: 'put',
            key: i + 1,
            row: { seq: i + 1, id, type: 'OrderCreated', published_at: null },
          },
        ],
      },
    };
    yield {
      at,
      fact: {
        kind: 'broker-commit',
        changes: [
          {
            table: 'log',
            op: 'put',
            key: ['order.events', i % 4, i >> 2],
            row: { topic: 'order.events', partition: i % 4, offset: i >> 2, event, appended_at: at },
          },
        ],
      },
    };
    yield {
      at,
      fact: {
        kind: 'commit',
        service: 'payment',
        changes: [
          {
            table: 'inbox',
            op: 'put',
            key: id,
            row: { message_id: id, processed_at: at, result: 'ok', type: 'OrderCreated' },
          },
          {
            table: 'payments',
            op: 'put',
            key: `p-${i}`,
            row: { id: `p-${i}`, orderId: `o-${i}`, amount: 12 },
          },
        ],
      },
    };
    yield {
      at,
      fact: {
        kind: 'broker-commit',
        changes: [
          {
            table: 'offsets',
            op: 'put',
            key: ['payment', 'order.events', i % 4],
            row: { group: 'payment', topic: 'order.events', partition: i % 4, committed: (i >> 2) + 1 },
          },
        ],
      },
    };
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function measure(count: number) {
  const history = new FactHistory<Fact, ShopState>(shopFold, { cap: Math.max(100_000, count) });
  const started = performance.now();
  for (const { fact, at } of shopFacts(count)) history.record(fact, at);
  const recordMs = performance.now() - started;
  const end = (count / 4 - 1) * 10;
  const fold: number[] = [];
  const draw: number[] = [];
  for (let i = 0; i < 15; i++) {
    const time = Math.round((((i * 7919) % 97) / 97) * end);
    const t0 = performance.now();
    const state = history.stateAt(time);
    const t1 = performance.now();
    shopMoment(state, ['order', 'payment']);
    draw.push(performance.now() - t0);
    fold.push(t1 - t0);
  }
  return {
    facts: count,
    recordUsPerFact: (recordMs * 1000) / count,
    foldMs: median(fold),
    foldMaxMs: Math.max(...fold),
    drawMs: median(draw),
  };
}

function heapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

describe.skipIf(!OUT)('the history, measured for npm run bench', () => {
  it('rebuilds a past moment from 10,000 and 100,000 facts, and holds its cap', () => {
    const figures = [measure(10_000), measure(100_000)];
    const before = heapMB();
    const capped = new FactHistory<Fact, ShopState>(shopFold);
    for (const { fact, at } of shopFacts(300_000)) capped.record(fact, at);
    const heldMB = heapMB() - before;
    const result = {
      moments: figures,
      cap: { recorded: 300_000, kept: capped.facts().length, forgotten: capped.forgotten, heapMB: heldMB },
    };
    expect(capped.facts().length).toBeLessThanOrEqual(100_000);
    writeFileSync(OUT!, JSON.stringify(result, null, 2));
  }, 300_000);
});
