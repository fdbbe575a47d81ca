import { describe, expect, it } from 'vitest';
import type { ConnectorState } from '../../runtime/cdcController';
import { connectorView } from './connectorView';

const state = (
  seq: number,
  head: number,
  extra: Partial<ConnectorState> = {},
  inFlight?: number,
): ConnectorState => ({
  sources: [
    {
      service: 'listings',
      position: { seq, ...(inFlight !== undefined && { inFlight }) },
      head,
      lag: head - seq,
    },
  ],
  published: 10,
  duplicates: 0,
  snapshotRows: 8,
  warnings: 0,
  ...extra,
});

describe('connectorView', () => {
  it('takes the furthest head either the connector or the page saw: a connector that is down still shows its lag growing', () => {
    const view = connectorView(state(20, 20), { listings: 35 }, null);
    expect(view.sources[0]).toMatchObject({ position: 20, head: 35, lag: 15, inFlight: null });
  });

  it('shows a batch sent whose position was not stored, and nothing when in flight is not ahead', () => {
    expect(connectorView(state(20, 25, {}, 25), {}, null).sources[0].inFlight).toBe(25);
    expect(connectorView(state(20, 25, {}, 20), {}, null).sources[0].inFlight).toBeNull();
  });

  it('prefers a running snapshot’s progress, and otherwise says how many rows the finished one read', () => {
    expect(connectorView(state(0, 0), {}, { rows: 3, done: false }).snapshot).toEqual({
      rows: 3,
      done: false,
    });
    expect(connectorView(state(8, 8), {}, null).snapshot).toEqual({ rows: 8, done: true });
    expect(connectorView(state(8, 8, { snapshotRows: 0 }), {}, null).snapshot).toBeNull();
  });

  it('knows nothing before the connector first reported', () => {
    expect(connectorView(null, { listings: 4 }, null)).toMatchObject({
      known: false,
      sources: [],
      published: 0,
      duplicates: 0,
    });
  });
});
