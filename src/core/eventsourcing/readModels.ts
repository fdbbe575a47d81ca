// The query service's read models: an order summary list, account balances and
// a transaction history, each a projection of the event-sourced services' events.

import type { Projection } from './projection';

export const READ_MODEL_TABLES = {
  orderSummaries: 'id, status',
  balances: 'id',
  history: '[account+position], account',
  checkpoints: 'name',
} as const;

export const orderSummaries: Projection = {
  name: 'orderSummaries',
  tables: ['orderSummaries'],
  async apply(table, e) {
    const t = table('orderSummaries');
    const d = e.data as Record<string, never>;
    const row = (await t.get(e.stream)) ?? {
      id: e.stream,
      customerId: null,
      status: 'DRAFT',
      lines: {},
      items: 0,
      total: 0,
      version: 0,
    };
    switch (e.type) {
      case 'OrderCreated':
        row.customerId = d.customerId;
        break;
      case 'ItemAdded':
        // Old ItemAdded events carried cents; the read side understands both shapes.
        row.lines[d.sku] = {
          qty: (row.lines[d.sku]?.qty ?? 0) + d.qty,
          price: d.price ?? (d.priceCents ?? 0) / 100,
        };
        break;
      case 'ItemRemoved':
        delete row.lines[d.sku];
        break;
      case 'OrderConfirmed':
        row.status = 'CONFIRMED';
        break;
      case 'OrderShipped':
        row.status = 'SHIPPED';
        break;
      default:
        return;
    }
    const lines = Object.values(row.lines) as { qty: number; price: number }[];
    row.items = lines.reduce((n, l) => n + l.qty, 0);
    row.total = lines.reduce((n, l) => n + l.qty * l.price, 0);
    row.version = e.version;
    await t.put(row);
  },
};

const MONEY: Record<string, number> = { MoneyDeposited: 1, MoneyWithdrawn: -1, TransferInitiated: -1 };

export const accountBalances: Projection = {
  name: 'balances',
  tables: ['balances'],
  async apply(table, e) {
    if (e.type !== 'AccountOpened' && !(e.type in MONEY) && e.type !== 'AccountClosed') return;
    const t = table('balances');
    const row = (await t.get(e.stream)) ?? {
      id: e.stream,
      owner: null,
      balance: 0,
      closed: false,
      version: 0,
    };
    if (e.type === 'AccountOpened') row.owner = (e.data as { owner: string }).owner;
    if (e.type === 'AccountClosed') row.closed = true;
    if (e.type in MONEY) row.balance += MONEY[e.type] * (e.data as { amount: number }).amount;
    row.version = e.version;
    await t.put(row);
  },
};

export const transactionHistory: Projection = {
  name: 'history',
  tables: ['history'],
  async apply(table, e) {
    if (!(e.type in MONEY)) return;
    const amount = MONEY[e.type] * (e.data as { amount: number }).amount;
    await table('history').put({ account: e.stream, position: e.position, type: e.type, amount, at: e.at });
  },
};

export const READ_MODELS: Projection[] = [orderSummaries, accountBalances, transactionHistory];
