import { describe, expect, it } from 'vitest';
import { tableFromRows } from './mirror';
import { latestRows, outboxView, ROWS_SHOWN } from './selectors';

describe('latestRows', () => {
  it('orders by created_at, newest first, at most ROWS_SHOWN', () => {
    const rows = Array.from({ length: 9 }, (_, i) => ({ id: `o${i}`, created_at: (i * 7) % 9 }));
    const latest = latestRows(tableFromRows('orders', rows));
    expect(latest).toHaveLength(ROWS_SHOWN);
    expect(latest.map((r) => r.created_at)).toEqual([8, 7, 6, 5, 4, 3]);
  });

  it('falls back to arrival order and caches by table identity', () => {
    const map = tableFromRows('stock', [{ sku: 'A' }, { sku: 'B' }]);
    expect(latestRows(map).map((r) => r.sku)).toEqual(['B', 'A']);
    expect(latestRows(map)).toBe(latestRows(map));
  });
});

describe('outboxView', () => {
  it('counts pending and published and shows pending rows first', () => {
    const rows = Array.from({ length: 8 }, (_, i) => ({
      seq: i,
      id: `e${i}`,
      created_at: i,
      published_at: i < 6 ? 100 : null,
    }));
    const view = outboxView(tableFromRows('outbox', rows));
    expect(view).toMatchObject({ pending: 2, published: 6 });
    expect(view.rows.map((r) => r.seq)).toEqual([6, 7, 5, 4, 3, 2]);
  });
});
