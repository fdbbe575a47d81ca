import { describe, expect, it } from 'vitest';
import { namedIds, rowMarks, rowsToShow } from './rowMarks';

const res = (id: string, orderId: string, created_at: number, status = 'RESERVED') => ({
  id,
  orderId,
  created_at,
  status,
});

describe('namedIds', () => {
  it('collects the ids an anomaly names', () => {
    const ids = namedIds([{ message: 'Order o-26a9 has 2 stock reservations: res-bf12, res-f874.' }]);
    expect([...ids]).toEqual(['o-26a9', 'res-bf12', 'res-f874']);
  });
});

describe('rowMarks', () => {
  it('marks the second side effect of one order a duplicate and the first as named', () => {
    const rows = [res('res-a', 'o-1', 1), res('res-b', 'o-2', 2), res('res-c', 'o-1', 3)];
    expect([...rowMarks('reservations', rows, new Set())]).toEqual([
      ['res-a', 'named'],
      ['res-c', 'duplicate'],
    ]);
  });

  it('counts only what the checker counts: a released reservation is no duplicate', () => {
    const rows = [res('res-a', 'o-1', 1, 'RELEASED'), res('res-c', 'o-1', 3)];
    expect(rowMarks('reservations', rows, new Set()).size).toBe(0);
  });

  it('marks rows an anomaly names, in any table', () => {
    const rows = [{ id: 'o-1', status: 'PENDING' }, { id: 'o-2' }];
    expect([...rowMarks('orders', rows, new Set(['o-1']))]).toEqual([['o-1', 'named']]);
  });
});

describe('rowsToShow', () => {
  it('pins the marked rows above the newest', () => {
    const rows = [
      res('res-a', 'o-1', 1),
      res('res-b', 'o-2', 2),
      res('res-c', 'o-1', 3),
      res('res-d', 'o-3', 4),
    ];
    const newest = [...rows].reverse();
    const marks = rowMarks('reservations', rows, new Set());
    expect(rowsToShow(rows, newest, marks, 3).map((r) => r.id)).toEqual(['res-a', 'res-c', 'res-d']);
    expect(rowsToShow(rows, newest, new Map(), 3).map((r) => r.id)).toEqual(['res-d', 'res-c', 'res-b']);
  });
});
