import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../core/cdc/changeEvent';
import { changeLogView } from './changeLogView';

const row = (id: string, price: number) => ({
  id,
  title: 'Loft',
  city: 'Porto',
  price,
  amenities: [],
  updated_at: 0,
});
const change = (
  sequence: number,
  op: ChangeEvent['op'],
  before: ChangeEvent['before'],
  after: ChangeEvent['after'],
): ChangeEvent => ({
  before,
  after,
  op,
  source: { service: 'listings', table: 'listings', txId: `tx-${sequence}`, sequence },
  ts_ms: sequence,
});

const LOG = [
  change(1, 'c', null, row('L-1', 10)),
  change(2, 'u', row('L-1', 10), row('L-1', 12)),
  change(3, 'd', row('L-1', 12), null),
];

describe('changeLogView', () => {
  it('shows the newest changes first, up to the limit, with the log’s head and size', () => {
    const view = changeLogView(LOG, 2, null);
    expect(view.rows.map((r) => r.seq)).toEqual([3, 2]);
    expect(view).toMatchObject({ head: 3, total: 3 });
  });

  it('keys a change by the row after it, or the row before it for a delete', () => {
    expect(changeLogView(LOG, 3, null).rows.map((r) => [r.op, r.key, r.diff])).toEqual([
      ['d', 'L-1', '− Loft · Porto · $12'],
      ['u', 'L-1', 'price $10 → $12'],
      ['c', 'L-1', '+ Loft · Porto · $10'],
    ]);
  });

  it('marks what the connector has published: at or below its stored position', () => {
    expect(changeLogView(LOG, 3, 2).rows.map((r) => r.published)).toEqual([false, true, true]);
    expect(changeLogView(LOG, 3, null).rows.every((r) => !r.published)).toBe(true);
  });

  it('has a head of 0 when the log is empty', () => {
    expect(changeLogView([], 5, 0)).toEqual({ rows: [], head: 0, total: 0 });
  });
});
