// Inputs more than one test drives, in Node and in the browser alike, so the
// two kinds of test are checking the same run.

import type { OrderCommand } from '../core/eventsourcing/orderAggregate';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';

/** A deterministic shop run with a crash and a duplicate: what the determinism tests replay. */
export const CRASH_AND_DUPLICATE: Scenario = {
  ...DEFAULT_SCENARIO,
  mode: 'deterministic',
  seed: 7,
  orders: 3,
  faults: [
    { kind: 'crash', service: 'payment', point: 'consumer-after-commit-before-ack', nth: 1 },
    { kind: 'duplicate', group: 'inventory', type: 'PaymentCompleted' },
  ],
};

/** An event-sourced order through every kind of event: created, items added and removed, confirmed. */
export const SAMPLE_ORDER: OrderCommand[] = [
  { type: 'create', customerId: 'alice' },
  { type: 'addItem', sku: 'MUG', qty: 2, price: 12 },
  { type: 'addItem', sku: 'BOOK', qty: 1, price: 25 },
  { type: 'removeItem', sku: 'MUG' },
  { type: 'addItem', sku: 'LAMP', qty: 1, price: 60 },
  { type: 'addItem', sku: 'BOOK', qty: 2, price: 20 },
  { type: 'confirm' },
];

/** A deterministic event-sourced run: twelve workload items, the bank crashing between a transfer's debit and its credit. */
export const ES_CRASH_AND_RESTART: Scenario = {
  ...DEFAULT_SCENARIO,
  topology: 'event-sourced',
  mode: 'deterministic',
  seed: 11,
  orders: 12,
  snapshotEvery: 3,
  faults: [{ kind: 'crash', service: 'bank', point: 'transfer-after-debit-before-credit', nth: 1 }],
};

/** A deterministic CDC run: twenty listing writes, the connector crashing after a publish and before its position. */
export const CDC_CRASH_AND_RESTART: Scenario = {
  ...DEFAULT_SCENARIO,
  topology: 'cdc',
  mode: 'deterministic',
  seed: 5,
  orders: 20,
  faults: [{ kind: 'crash', service: 'connector', point: 'cdc-after-publish-before-position', nth: 2 }],
};
