// The work a deterministic event-sourced run does by itself: the scenario's
// `orders` field counts its items, each either an order command (orders are
// created, filled and confirmed in turn) or a transfer between the bank's
// opening accounts. Drawn from the seed alone, so the same items come in the
// same order whatever the interleaving; ids are the item's number.

import { pick, seededRandom, type Random } from '../random';
import { BANK_OPENING } from './esStores';
import type { OrderCommand } from './orderAggregate';
import type { EsStoreName } from './esTypes';

export interface EsWorkItem {
  process: EsStoreName;
  /** The store's call and its arguments (EsHost.step's `command`). */
  name: 'command' | 'debit';
  input: unknown[];
  /** How the trace names it. */
  label: string;
}

const SKUS = ['MUG', 'BOOK', 'LAMP', 'PEN'] as const;
const int = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export function esWorkload(seed: number, count: number): EsWorkItem[] {
  // Its own stream, as the shop's orders have: the scheduler's picks never shift what is placed.
  const random = seededRandom(seed ^ 0x9e3779b9);
  const items: EsWorkItem[] = [];
  let order = { id: '', left: 0 };
  for (let n = 1; n <= count; n++) {
    if (random() < 0.5) {
      // From an account that opened with money, so most transfers go through (a few still meet an empty one).
      const from = pick(
        random,
        BANK_OPENING.filter((a) => a.deposit > 0),
      ).id;
      const to = pick(
        random,
        BANK_OPENING.filter((a) => a.id !== from),
      ).id;
      const request = { transferId: `t-${n}`, from, to, amount: int(random, 1, 40) };
      items.push({
        process: 'bank',
        name: 'debit',
        input: [request],
        label: `transfer ${from} → ${to} ${request.amount}`,
      });
      continue;
    }
    let command: OrderCommand;
    if (order.left === 0) {
      order = { id: `o-${n}`, left: int(random, 2, 4) };
      command = { type: 'create', customerId: pick(random, ['alice', 'bob', 'dana']) };
    } else if (--order.left === 0) command = { type: 'confirm' };
    else
      command = {
        type: 'addItem',
        sku: pick(random, SKUS),
        qty: int(random, 1, 3),
        price: int(random, 5, 60),
      };
    items.push({
      process: 'orders',
      name: 'command',
      input: [order.id, command],
      label: `${command.type} ${order.id}`,
    });
  }
  return items;
}
