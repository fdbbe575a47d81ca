import { describe, expect, it } from 'vitest';
import type { Change } from '../telemetry';
import { TablesMirror } from './tablesMirror';

const budget = { rows: 100, keep: 60, tableFloor: 10 };
const put = (table: string, key: number, n = 0): Change => ({ table, op: 'put', key, row: { key, n } });
const keys = (m: TablesMirror, table: string) => m.rows('db', table).map((r) => r.key);

describe('a base within its budget', () => {
  it('lets go of nothing while it holds at most the budget', () => {
    const m = new TablesMirror();
    m.commit(
      'db',
      Array.from({ length: 100 }, (_, i) => put('orders', i)),
    );
    expect(m.letGoOldest(budget)).toBe(0);
    expect(m.size()).toBe(100);
  });

  it('past it, lets go of the rows written longest ago down to what it keeps, rewritten rows counting as new', () => {
    const m = new TablesMirror();
    m.commit(
      'db',
      Array.from({ length: 50 }, (_, i) => put('orders', i)),
    );
    m.letGoOldest(budget); // orders 0–49 seen at the first check
    m.commit('db', [...Array.from({ length: 40 }, (_, i) => put('orders', 50 + i)), put('orders', 7, 1)]);
    m.letGoOldest(budget); // 50–89 and the rewritten 7 seen at the second
    m.commit(
      'db',
      Array.from({ length: 19 }, (_, i) => put('orders', 90 + i)),
    );
    // 109 rows (0–108) and 60 kept: the 49 of the first check not written since go, the rewritten 7 stays.
    expect(m.letGoOldest(budget)).toBe(49);
    expect(keys(m, 'orders')).toEqual([7, ...Array.from({ length: 59 }, (_, i) => 50 + i)]);
  });

  it('never takes a table below its floor, so the small tables a moment needs stay whole', () => {
    const m = new TablesMirror();
    // Written first, so the oldest: the topics (8 rows, under the floor) and the settings (12, just over).
    m.commit('db', [
      ...Array.from({ length: 8 }, (_, i) => put('topics', i)),
      ...Array.from({ length: 12 }, (_, i) => put('settings', i)),
    ]);
    m.letGoOldest(budget);
    m.commit(
      'db',
      Array.from({ length: 150 }, (_, i) => put('orders', i)),
    );
    // 110 should go, the oldest first: the settings can give 2, the orders their 98 lowest keys (one age).
    expect(m.letGoOldest(budget)).toBe(100);
    expect(keys(m, 'topics')).toHaveLength(8);
    expect(keys(m, 'settings')).toHaveLength(10);
    expect(keys(m, 'orders')).toEqual(Array.from({ length: 52 }, (_, i) => 98 + i));
  });

  it('a copy shares its rows’ ages, and letting go in one leaves the other as it was', () => {
    const m = new TablesMirror();
    m.commit(
      'db',
      Array.from({ length: 80 }, (_, i) => put('orders', i)),
    );
    m.letGoOldest(budget);
    const copy = m.clone();
    copy.commit(
      'db',
      Array.from({ length: 40 }, (_, i) => put('orders', 80 + i)),
    );
    expect(copy.letGoOldest(budget)).toBe(60);
    // The 60 let go are the oldest: the copy's first 60, seen before it was made.
    expect(keys(copy, 'orders')).toEqual(Array.from({ length: 60 }, (_, i) => 60 + i));
    expect(m.size()).toBe(80);
  });
});
