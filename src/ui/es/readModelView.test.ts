import { describe, expect, it } from 'vitest';
import { columnsOf, lagText, rebuildText, visibleRows } from './readModelView';

describe('read model view', () => {
  it('shows the known columns the rows have', () => {
    expect(columnsOf('balances', [{ id: 'acct-1', owner: 'Ada', balance: 1, version: 2 }])).toEqual([
      'id',
      'owner',
      'balance',
      'version',
    ]);
    expect(columnsOf('balances', [])).toEqual(['id', 'owner', 'balance', 'closed', 'version']);
    expect(columnsOf('history', [{ x: 1, nested: {} }])).toEqual(['x']);
  });

  it('lists history newest first and ids in natural order, within a limit', () => {
    const history = [1, 3, 2].map((position) => ({ position }));
    expect(visibleRows('history', history, 2)).toEqual({
      rows: [{ position: 3 }, { position: 2 }],
      hidden: 1,
    });
    const orders = ['order-10', 'order-2', 'order-1'].map((id) => ({ id }));
    expect(visibleRows('orderSummaries', orders, 5).rows.map((r) => r.id)).toEqual([
      'order-1',
      'order-2',
      'order-10',
    ]);
  });

  it('says how far behind a projection is', () => {
    expect(lagText({ name: 'history', behind: 0, oldestAgeMs: null, checkpoint: 9 })).toEqual({
      behind: 'caught up',
      oldest: null,
      late: false,
    });
    expect(lagText({ name: 'history', behind: 1200, oldestAgeMs: 1500, checkpoint: 9 })).toEqual({
      behind: '1,200 behind',
      oldest: 'oldest waiting 1.5 s',
      late: true,
    });
    expect(lagText(undefined).behind).toBe('lag unknown');
  });

  it('says how far a rebuild has come', () => {
    expect(rebuildText({ done: 120, total: 10_300, finished: false })).toBe(
      'rebuilding: 120 / 10,300 events',
    );
    expect(rebuildText({ done: 10_300, total: 10_300, finished: true })).toBe(
      'rebuilt: 10,300 events replayed',
    );
  });
});
