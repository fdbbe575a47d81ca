// The shop's reference data: what can be ordered, at what price, and how much
// of it the warehouse holds when a run starts.

import type { CustomerRow, OrderItem, RegionRow } from '../rows';

export const PRICES: Record<string, number> = {
  'SKU-BOOK': 25,
  'SKU-MUG': 12,
  'SKU-LAMP': 60,
};

export const INITIAL_STOCK: Record<string, number> = {
  'SKU-BOOK': 1000,
  'SKU-MUG': 1000,
  'SKU-LAMP': 1000,
};

/** Customers a run starts with. Edit them to make payments fail because the data says so. */
export const CUSTOMERS: CustomerRow[] = [
  { id: 'alice', credit: 100_000, cardDeclined: false },
  { id: 'bob', credit: 100_000, cardDeclined: false },
  { id: 'carol', credit: 100_000, cardDeclined: false },
  { id: 'dave', credit: 100_000, cardDeclined: false },
];

export const REGIONS: RegionRow[] = [
  { id: 'EU', served: true },
  { id: 'US', served: true },
  { id: 'MOON', served: false },
];

/** What placing an order asks for: who, what, at what total, and where it ships. */
export interface PlaceOrderInput {
  customerId: string;
  items: OrderItem[];
  total: number;
  /** Where it ships; the shipping service does not serve every region. */
  region: string;
}

export function priceOf(items: OrderItem[]): number {
  return items.reduce((sum, item) => sum + (PRICES[item.sku] ?? 0) * item.qty, 0);
}

/** A plausible order, drawn from the given random source. */
export function sampleOrder(random: () => number): { customerId: string; items: OrderItem[] } {
  const skus = Object.keys(PRICES);
  const sku = skus[Math.floor(random() * skus.length)];
  return {
    customerId: CUSTOMERS[Math.floor(random() * CUSTOMERS.length)].id,
    items: [{ sku, qty: 1 + Math.floor(random() * 2) }],
  };
}
