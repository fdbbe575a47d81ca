import { describe, expect, it } from 'vitest';
import type { EsEvent } from '../../runtime/esController';
import { applyEsEvents, initialEsData, staleness, streamVersion, wantsPoll } from './esState';

const ev = (stream: string, version: number) => ({
  stream,
  version,
  type: 'ItemAdded',
  schema: 2,
  data: {},
  at: 0,
});

describe('applyEsEvents', () => {
  it('keeps where a process crashed until it runs again', () => {
    let s = applyEsEvents(
      initialEsData(),
      [
        { kind: 'crashed', process: 'bank', point: 'after-append' },
        { kind: 'process', process: 'bank', status: 'crashed' },
      ],
      1,
    );
    expect(s.processes.bank).toEqual({ status: 'crashed', crashedAt: 'after-append', armed: null });
    s = applyEsEvents(
      s,
      [{ kind: 'process', process: 'bank', status: 'running', armed: 'transfer-after-debit-before-credit' }],
      2,
    );
    expect(s.processes.bank).toEqual({
      status: 'running',
      crashedAt: null,
      armed: 'transfer-after-debit-before-credit',
    });
    s = applyEsEvents(s, [{ kind: 'process', process: 'bank', status: 'running' }], 2);
    expect(s.processes.bank.armed).toBe('transfer-after-debit-before-credit');
    s = applyEsEvents(s, [{ kind: 'process', process: 'query', status: 'crashed' }], 3);
    expect(s.processes.query.crashedAt).toBe('manual');
  });

  it('tracks appended versions ahead of the polled list', () => {
    const s = applyEsEvents(
      initialEsData(),
      [{ kind: 'appended', store: 'orders', events: [ev('order-1', 4), ev('order-1', 5)] }],
      1,
    );
    expect(
      streamVersion(
        { ...s, streams: [{ store: 'orders', id: 'order-1', version: 3, snapshotVersion: null }] },
        'order-1',
      ),
    ).toBe(5);
    expect(streamVersion(s, 'order-2')).toBe(0);
  });

  it('follows a grow by its progress events', () => {
    const s = applyEsEvents(
      initialEsData(),
      [{ kind: 'grow-progress', store: 'orders', stream: 'order-1', done: 500, total: 9997, version: 503 }],
      1,
    );
    expect(s.grows['order-1']).toEqual({ done: 500, total: 9997, version: 503 });
    expect(streamVersion(s, 'order-1')).toBe(503);
  });

  it('collects snapshots, conflicts, rebuild progress, anomalies and errors', () => {
    const events: EsEvent[] = [
      { kind: 'snapshot', store: 'orders', stream: 'order-1', version: 100, state: {} },
      { kind: 'snapshot', store: 'orders', stream: 'order-1', version: 100, state: {} },
      { kind: 'conflict', store: 'orders', stream: 'order-1', message: 'wrong expected version' },
      { kind: 'rebuild-progress', name: 'balances', done: 5, total: 10, finished: false },
      { kind: 'anomalies', anomalies: [{ invariant: 'money-conserved', message: 'x' }], settled: true },
      { kind: 'error', code: 'ES001', message: 'boom' },
    ];
    const s = applyEsEvents(initialEsData(), events, 42);
    expect(s.snapshotsSeen['order-1']).toEqual([100]);
    expect(s.conflicts.map((c) => c.message)).toEqual(['wrong expected version']);
    expect(s.rebuilds.balances).toEqual({ done: 5, total: 10, finished: false });
    expect(s.anomalyCheck).toEqual({ at: 42, settled: true });
    expect(s.errors).toEqual([{ seq: 2, code: 'ES001', message: 'boom' }]);
  });

  it('returns the same state for events that change nothing', () => {
    const s = initialEsData();
    expect(applyEsEvents(s, [{ kind: 'projected', name: 'history', checkpoint: 1, applied: 1 }], 1)).toBe(s);
    // The query service's commits are the history's facts: the page neither shows them nor polls for them.
    const commit: EsEvent = { kind: 'query-commit', changes: [{ table: 'balances', op: 'clear' }] };
    expect(applyEsEvents(s, [commit], 1)).toBe(s);
    expect(wantsPoll([commit])).toBe(false);
  });

  it('says which polled views went stale', () => {
    expect(staleness([{ kind: 'appended', store: 'orders', events: [] }])).toEqual({
      streams: true,
      models: false,
    });
    expect(staleness([{ kind: 'projected', name: 'history', checkpoint: 1, applied: 1 }])).toEqual({
      streams: false,
      models: true,
    });
    expect(staleness([{ kind: 'error', code: 'x', message: 'y' }])).toEqual({
      streams: false,
      models: false,
    });
  });

  it('asks for a poll after writes and projections, not after errors', () => {
    expect(wantsPoll([{ kind: 'projected', name: 'history', checkpoint: 1, applied: 1 }])).toBe(true);
    expect(wantsPoll([{ kind: 'error', code: 'x', message: 'y' }])).toBe(false);
    expect(
      wantsPoll([{ kind: 'rebuild-progress', name: 'history', done: 1, total: 2, finished: false }]),
    ).toBe(false);
  });
});
