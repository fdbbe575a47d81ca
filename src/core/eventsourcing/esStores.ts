// The two event stores of an event-sourced run and the aggregate each keeps:
// `orders` the seed's order, `bank` its accounts. Also the accounts a fresh
// bank opens with, so a run has money to move from the start.

import type { AggregateType } from './aggregate';
import type { NewEvent } from './eventStore';
import type { EsStoreName } from './esTypes';
import { decideOrder, orderAggregate } from './orderAggregate';
import { accountAggregate, decideAccount } from './bankAggregate';

export interface EsStoreDefinition {
  name: EsStoreName;
  // The aggregate's state and command types differ per store; the host treats them as opaque values.
  aggregate: AggregateType<unknown>;
  decide: (state: unknown, command: unknown) => NewEvent[];
}

export const ES_STORES: Record<EsStoreName, EsStoreDefinition> = {
  orders: {
    name: 'orders',
    aggregate: orderAggregate as AggregateType<unknown>,
    decide: decideOrder as EsStoreDefinition['decide'],
  },
  bank: {
    name: 'bank',
    aggregate: accountAggregate as AggregateType<unknown>,
    decide: decideAccount as EsStoreDefinition['decide'],
  },
};

/** Accounts a fresh bank opens, each with an outside deposit (zero: opened only). */
export const BANK_OPENING: readonly { id: string; owner: string; deposit: number }[] = [
  { id: 'acc-alice', owner: 'alice', deposit: 100 },
  { id: 'acc-bob', owner: 'bob', deposit: 50 },
  { id: 'acc-carol', owner: 'carol', deposit: 0 },
];
