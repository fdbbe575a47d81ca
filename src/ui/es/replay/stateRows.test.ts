import { describe, expect, it } from 'vitest';
import { stateTable } from './stateRows';

describe('stateTable', () => {
  it('shows an order with its lines', () => {
    const t = stateTable({
      id: 'order-1',
      customerId: 'alice',
      status: 'DRAFT',
      lines: [{ sku: 'SKU-LAMP', qty: 1, price: 60 }],
      total: 60,
    });
    expect(t.fields).toEqual([
      ['status', 'DRAFT'],
      ['customer', 'alice'],
      ['total', '$60'],
    ]);
    expect(t.lines).toEqual([{ sku: 'SKU-LAMP', qty: 1, price: '$60' }]);
  });

  it('shows an account with transfers in flight', () => {
    const t = stateTable({
      id: 'acct-1',
      owner: 'Ada',
      status: 'OPEN',
      balance: 75,
      pending: ['t-1'],
      received: [],
    });
    expect(t.fields).toContainEqual(['transfers out', 't-1']);
    expect(t.fields).toContainEqual(['credits received', '0']);
    expect(t.lines).toBeNull();
  });

  it('falls back to fields, and to JSON for a non-object', () => {
    expect(stateTable({ id: 'x', a: 1, b: { c: 2 } }).fields).toEqual([
      ['a', '1'],
      ['b', '{"c":2}'],
    ]);
    expect(stateTable(null).fields).toEqual([['state', 'null']]);
  });
});
