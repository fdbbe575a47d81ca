import { describe, expect, it } from 'vitest';
import { initialState } from './initialState';
import { droppedRows, MIRROR_ROW_LIMIT, mirrorWriter } from './mirror';

describe('mirrorWriter', () => {
  it('keys hydrated rows by each table’s primary key', () => {
    const w = mirrorWriter(initialState().mirror);
    w.hydrate('inventory', {
      stock: [{ sku: 'A', available: 3, reserved: 0 }],
      outbox: [{ seq: 7, id: 'e1' }],
      inbox: [{ message_id: 'm1' }],
      meta: [{ key: 'duplicatesSkipped', value: 2 }],
    });
    const inv = w.result().inventory;
    expect(inv.stock.get('A')).toMatchObject({ available: 3 });
    expect(inv.outbox.get(7)).toMatchObject({ id: 'e1' });
    expect(inv.inbox.has('m1')).toBe(true);
    expect(inv.meta.get('duplicatesSkipped')).toMatchObject({ value: 2 });
  });

  it('replaces a service’s tables on hydrate, dropping rows the database no longer has', () => {
    const w1 = mirrorWriter(initialState().mirror);
    w1.hydrate('order', { orders: [{ id: 'o1' }, { id: 'o2' }] });
    const w2 = mirrorWriter(w1.result());
    w2.hydrate('order', { orders: [{ id: 'o1' }] });
    expect([...w2.result().order.orders.keys()]).toEqual(['o1']);
  });

  it('applies put, delete and clear in commit order', () => {
    const w = mirrorWriter(initialState().mirror);
    w.hydrate('order', { orders: [{ id: 'o1', status: 'PENDING' }], outbox: [] });
    w.commit('order', [
      { table: 'orders', op: 'put', key: 'o1', row: { id: 'o1', status: 'COMPLETED' } },
      { table: 'orders', op: 'put', key: 'o2', row: { id: 'o2', status: 'PENDING' } },
      { table: 'orders', op: 'delete', key: 'o2' },
      { table: 'outbox', op: 'put', key: 1, row: { seq: 1, id: 'e' } },
      { table: 'outbox', op: 'clear' },
    ]);
    const order = w.result().order;
    expect([...order.orders.values()]).toEqual([{ id: 'o1', status: 'COMPLETED' }]);
    expect(order.outbox.size).toBe(0);
  });

  it('keys a put by the row’s primary key, so hydrate and commit agree on number vs string', () => {
    const w = mirrorWriter(initialState().mirror);
    w.hydrate('payment', { outbox: [{ seq: 3, published_at: null }] });
    w.commit('payment', [{ table: 'outbox', op: 'put', key: '3', row: { seq: 3, published_at: 10 } }]);
    expect(w.result().payment.outbox.size).toBe(1);
  });

  it('keys settings rows by their key, so an edited setting replaces the hydrated row', () => {
    const w = mirrorWriter(initialState().mirror);
    w.hydrate('inventory', { settings: [{ key: 'warehouse', offline: false }] });
    w.commit('inventory', [
      { table: 'settings', op: 'put', key: 'warehouse', row: { key: 'warehouse', offline: true } },
    ]);
    expect([...w.result().inventory.settings.values()]).toEqual([{ key: 'warehouse', offline: true }]);
  });

  it('shares untouched services and tables and never mutates the previous state', () => {
    const start = mirrorWriter(initialState().mirror);
    start.hydrate('order', { orders: [{ id: 'o1' }], outbox: [] });
    start.hydrate('payment', { payments: [] });
    const before = start.result();
    const w = mirrorWriter(before);
    w.commit('order', [{ table: 'orders', op: 'put', key: 'o2', row: { id: 'o2' } }]);
    const after = w.result();
    expect(after.payment).toBe(before.payment);
    expect(after.order.outbox).toBe(before.order.outbox);
    expect(after.order.orders).not.toBe(before.order.orders);
    expect(before.order.orders.size).toBe(1);
    expect(after.order.orders.size).toBe(2);
  });

  it('creates a table a commit names before any hydrate', () => {
    const w = mirrorWriter(initialState().mirror);
    w.commit('shipping', [{ table: 'shipments', op: 'put', key: 's1', row: { id: 's1' } }]);
    expect(w.result().shipping.shipments.size).toBe(1);
  });

  it('keeps each table’s newest rows only, counting the rest as dropped', () => {
    const w = mirrorWriter(initialState().mirror);
    const n = MIRROR_ROW_LIMIT + 25;
    w.commit(
      'shipping',
      Array.from({ length: n }, (_, i) => ({
        table: 'inbox',
        op: 'put' as const,
        key: `m${i}`,
        row: { message_id: `m${i}` },
      })),
    );
    const inbox = w.result().shipping.inbox;
    expect(inbox.size).toBe(MIRROR_ROW_LIMIT);
    expect(inbox.has('m0')).toBe(false);
    expect(inbox.has(`m${n - 1}`)).toBe(true);
    expect(droppedRows(w.trims(), 'shipping', 'inbox')).toBe(25);
  });

  it('an update of a dropped row is not a new row, and a delete of one is counted off', () => {
    const w = mirrorWriter(initialState().mirror);
    const n = MIRROR_ROW_LIMIT + 2;
    w.commit(
      'order',
      Array.from({ length: n }, (_, i) => ({
        table: 'orders',
        op: 'put' as const,
        key: `o${i}`,
        row: { id: `o${i}`, status: 'PENDING' },
      })),
    );
    const w2 = mirrorWriter(w.result(), w.trims());
    w2.commit('order', [
      { table: 'orders', op: 'put', key: 'o0', row: { id: 'o0', status: 'COMPLETED' } },
      { table: 'orders', op: 'delete', key: 'o1' },
    ]);
    // o0 is back (and one more old row made room for it); o1 is gone for good: n - 1 rows in all.
    expect(w2.result().order.orders.size + droppedRows(w2.trims(), 'order', 'orders')).toBe(n - 1);
    expect(w2.result().order.orders.get('o0')).toEqual({ id: 'o0', status: 'COMPLETED' });
  });
});
