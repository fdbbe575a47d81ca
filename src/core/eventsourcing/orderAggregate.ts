// The seed's event-sourced order: OrderCreated, ItemAdded, ItemRemoved,
// OrderConfirmed, OrderShipped. Commands check the rules against the state
// folded from the events and return the new events; they never write state.

import type { StoredEvent } from './eventStore';
import type { AggregateType } from './aggregate';
import type { NewEvent } from './eventStore';

export interface OrderLine {
  sku: string;
  qty: number;
  price: number;
}

export interface EsOrderState {
  id: string;
  customerId: string | null;
  status: 'NEW' | 'DRAFT' | 'CONFIRMED' | 'SHIPPED';
  lines: OrderLine[];
  total: number;
}

export class RuleBroken extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleBroken';
  }
}

export const orderAggregate: AggregateType<EsOrderState> = {
  name: 'Order',
  initial: (id) => ({ id, customerId: null, status: 'NEW', lines: [], total: 0 }),
  apply(state, event: StoredEvent) {
    const d = event.data as Record<string, never>;
    switch (event.type) {
      case 'OrderCreated':
        return { ...state, customerId: d.customerId, status: 'DRAFT' };
      case 'ItemAdded': {
        // Adding a SKU already on the order adds to its line.
        const existing = state.lines.find((l) => l.sku === d.sku);
        const lines = existing
          ? state.lines.map((l) => (l.sku === d.sku ? { ...l, qty: l.qty + d.qty, price: d.price } : l))
          : [...state.lines, { sku: d.sku, qty: d.qty, price: d.price }];
        return { ...state, lines, total: totalOf(lines) };
      }
      case 'ItemRemoved': {
        const lines = state.lines.filter((l) => l.sku !== d.sku);
        return { ...state, lines, total: totalOf(lines) };
      }
      case 'OrderConfirmed':
        return { ...state, status: 'CONFIRMED' };
      case 'OrderShipped':
        return { ...state, status: 'SHIPPED' };
      default:
        return state;
    }
  },
  upcasters: {
    // Version 1 of ItemAdded carried the price in cents as `priceCents`; version 2 carries `price`.
    'ItemAdded@1': (e) => {
      const { priceCents, ...rest } = e.data as { priceCents?: number };
      return {
        ...e,
        schema: 2,
        data: priceCents === undefined ? e.data : { ...rest, price: priceCents / 100 },
      };
    },
  },
};

function totalOf(lines: OrderLine[]): number {
  return lines.reduce((sum, l) => sum + l.qty * l.price, 0);
}

export type OrderCommand =
  | { type: 'create'; customerId: string }
  | { type: 'addItem'; sku: string; qty: number; price: number }
  | { type: 'removeItem'; sku: string }
  | { type: 'confirm' }
  | { type: 'ship' };

/** The rules: decide which events a command produces from the current state, or refuse it. */
export function decideOrder(state: EsOrderState, command: OrderCommand): NewEvent[] {
  const open = () => {
    if (state.status === 'NEW') throw new RuleBroken(`order ${state.id} does not exist yet`);
    if (state.status !== 'DRAFT')
      throw new RuleBroken(`order ${state.id} is ${state.status}: no changes after confirmation`);
  };
  switch (command.type) {
    case 'create':
      if (state.status !== 'NEW') throw new RuleBroken(`order ${state.id} already exists`);
      return [{ type: 'OrderCreated', data: { orderId: state.id, customerId: command.customerId } }];
    case 'addItem':
      open();
      if (!(command.qty > 0)) throw new RuleBroken('quantity must be positive');
      return [
        { type: 'ItemAdded', schema: 2, data: { sku: command.sku, qty: command.qty, price: command.price } },
      ];
    case 'removeItem':
      open();
      if (!state.lines.some((l) => l.sku === command.sku))
        throw new RuleBroken(`order ${state.id} has no ${command.sku}`);
      return [{ type: 'ItemRemoved', data: { sku: command.sku } }];
    case 'confirm':
      open();
      if (!state.lines.length) throw new RuleBroken(`order ${state.id} is empty: nothing to confirm`);
      return [{ type: 'OrderConfirmed', data: { total: state.total } }];
    case 'ship':
      if (state.status !== 'CONFIRMED')
        throw new RuleBroken(`order ${state.id} is ${state.status}: only a confirmed order ships`);
      return [{ type: 'OrderShipped', data: {} }];
  }
}
