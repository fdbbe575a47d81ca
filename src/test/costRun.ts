// Test code, never shipped: what an order costs in IndexedDB requests,
// transactions and wire messages, over the real broker and services in Node
// (the harness), choreography saga with outbox and inbox on at fast pace, as
// `npm run bench` offers orders in the browser (same tight retention). A
// warm-up is left out; the counted orders must all complete, or the count
// says nothing.

import { countCosts, total, type CostCounts } from './costCounter';
import { createHarness } from './harness';
import type { OrderRow } from '../core/rows';
import type { Fact } from '../core/telemetry';

export interface CostFigures {
  orders: number;
  /** How the orders were offered: all at once, or at this many a second. */
  offered: 'burst' | number;
  /** From the first order offered to the last completed (Node, fake-indexeddb: not the browser's speed). */
  seconds?: number;
  requestsPerOrder: number;
  transactionsPerOrder: number;
  messagesPerOrder: number;
  /** Per stage (database.store, database:stores, channel), per order, largest first. */
  requests: Record<string, number>;
  transactions: Record<string, number>;
  messages: Record<string, number>;
}

const ORDER = { customerId: 'alice', items: [{ sku: 'SKU-BOOK', qty: 1 }] };
const RETENTION = { publishedOutboxMs: 2000, brokerLogMs: 2000 };
const WARMUP_ORDERS = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function perOrder(map: Map<string, number>, orders: number): Record<string, number> {
  return Object.fromEntries(
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([key, n]) => [key, Math.round((n / orders) * 100) / 100] as const)
      .filter(([, n]) => n >= 0.01),
  );
}

function figures(counts: CostCounts, orders: number, offered: CostFigures['offered']): CostFigures {
  const round = (n: number) => Math.round((n / orders) * 100) / 100;
  return {
    orders,
    offered,
    requestsPerOrder: round(total(counts.requests)),
    transactionsPerOrder: round(total(counts.transactions)),
    messagesPerOrder: round(total(counts.messages)),
    requests: perOrder(counts.requests, orders),
    transactions: perOrder(counts.transactions, orders),
    messages: perOrder(counts.messages, orders),
  };
}

/** Orders the order service's committed changes have marked COMPLETED so far: read off its facts, costing no request. */
function completedOrders(facts: Fact[], from: number): Set<string> {
  const done = new Set<string>();
  for (let i = from; i < facts.length; i++) {
    const f = facts[i];
    if (f.kind !== 'commit' || f.service !== 'order') continue;
    for (const c of f.changes)
      if (c.table === 'orders' && c.op === 'put' && (c.row as unknown as OrderRow).status === 'COMPLETED')
        done.add(String(c.key));
  }
  return done;
}

async function untilCompleted(facts: Fact[], from: number, orders: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = from;
  const done = new Set<string>();
  while (done.size < orders) {
    if (Date.now() > deadline)
      throw new Error(`only ${done.size} of ${orders} orders completed: the count says nothing`);
    await sleep(50);
    for (const id of completedOrders(facts, seen)) done.add(id);
    seen = facts.length;
  }
}

/**
 * Offers `orders` orders (at once, or `perSecond` a second) after a warm-up, and counts what they cost until the
 * last completes and retention has pruned what they left. Completion is read off the facts the services report, so
 * watching costs no request; what an idle service does meanwhile (a relay's polls) is counted, as it is paid.
 */
export async function measureCosts(orders: number, perSecond?: number): Promise<CostFigures> {
  const counter = countCosts();
  const h = createHarness();
  try {
    await h.startBroker({ logRetentionMs: RETENTION.brokerLogMs });
    for (const name of ['order', 'payment', 'inventory', 'shipping'] as const)
      await h.startService(name, { retention: RETENTION });
    for (const sku of ['SKU-BOOK', 'SKU-MUG', 'SKU-LAMP'])
      await h.service('inventory').editRow('stock', { sku, available: 1e9, reserved: 0 });
    await h.service('payment').editRow('customers', { id: 'alice', credit: 1e12, cardDeclined: false });
    const place = () => h.service('order').command('placeOrder', ORDER);
    await Promise.all(Array.from({ length: WARMUP_ORDERS }, place));
    await h.settle(30_000);
    counter.reset();
    const from = h.facts.length;
    const t0 = Date.now();
    if (perSecond === undefined) await Promise.all(Array.from({ length: orders }, place));
    else {
      const placed: Promise<unknown>[] = [];
      for (let i = 0; i < orders; i++) {
        const due = t0 + (i * 1000) / perSecond;
        if (due > Date.now()) await sleep(due - Date.now());
        placed.push(place());
      }
      await Promise.all(placed);
    }
    await untilCompleted(h.facts, from, orders, 120_000);
    const seconds = (Date.now() - t0) / 1000;
    // Long enough for retention to have pruned what the counted orders left, so its cost is in the count too.
    await sleep(RETENTION.brokerLogMs + 5500);
    return { ...figures(counter.counts, orders, perSecond ?? 'burst'), seconds };
  } finally {
    h.close();
    counter.stop();
  }
}
