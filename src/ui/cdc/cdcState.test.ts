import { describe, expect, it } from 'vitest';
import { applyCdcEvents, initialCdcData, staleness } from './cdcState';

describe('applyCdcEvents', () => {
  it('follows a process through a crash at a point, and back', () => {
    let s = applyCdcEvents(
      initialCdcData(),
      [
        {
          kind: 'process',
          process: 'connector',
          status: 'running',
          armed: 'cdc-after-publish-before-position',
        },
      ],
      0,
    );
    expect(s.processes.connector).toEqual({
      status: 'running',
      crashedAt: null,
      armed: 'cdc-after-publish-before-position',
    });
    s = applyCdcEvents(
      s,
      [{ kind: 'crashed', process: 'connector', point: 'cdc-after-publish-before-position' }],
      0,
    );
    expect(s.processes.connector).toEqual({
      status: 'crashed',
      crashedAt: 'cdc-after-publish-before-position',
      armed: null,
    });
    s = applyCdcEvents(s, [{ kind: 'process', process: 'connector', status: 'crashed', armed: null }], 0);
    expect(s.processes.connector.crashedAt).toBe('cdc-after-publish-before-position');
    s = applyCdcEvents(s, [{ kind: 'process', process: 'connector', status: 'running' }], 0);
    expect(s.processes.connector).toEqual({ status: 'running', crashedAt: null, armed: null });
  });

  it('calls a kill without a known point a kill by hand', () => {
    const s = applyCdcEvents(initialCdcData(), [{ kind: 'crashed', process: 'broker', point: 'manual' }], 0);
    expect(s.processes.broker.crashedAt).toBe('manual');
  });

  it('counts what moved: a pulse per report, the query service’s totals summed', () => {
    const s = applyCdcEvents(
      initialCdcData(),
      [
        {
          kind: 'cdc-published',
          service: 'listings',
          topics: ['listings.listings'],
          count: 5,
          duplicates: 0,
          seq: 5,
        },
        {
          kind: 'cdc-applied',
          service: 'query',
          applied: 4,
          duplicates: 1,
          stale: 0,
          topic: 'listings.listings',
        },
        {
          kind: 'cdc-applied',
          service: 'query',
          applied: 2,
          duplicates: 0,
          stale: 1,
          topic: 'listings.listings',
        },
      ],
      0,
    );
    expect(s.traffic).toEqual({ publishes: 1, applies: 2, applied: 6, duplicatesSkipped: 1, stale: 1 });
  });

  it('keeps the checker’s verdict with when it came, and the last few errors', () => {
    let s = applyCdcEvents(initialCdcData(), [{ kind: 'anomalies', anomalies: [], settled: true }], 42);
    expect(s.anomalyCheck).toEqual({ at: 42, settled: true });
    for (let i = 0; i < 7; i++) s = applyCdcEvents(s, [{ kind: 'error', code: 'E', message: String(i) }], 0);
    expect(s.errors.map((e) => e.message)).toEqual(['2', '3', '4', '5', '6']);
  });

  it('returns the same state for events that change nothing', () => {
    const s = initialCdcData();
    expect(applyCdcEvents(s, [{ kind: 'commit', service: 'listings', changes: [] }], 0)).toBe(s);
  });
});

describe('staleness', () => {
  it('says which polled views a batch of events made stale', () => {
    expect(staleness([{ kind: 'commit', service: 'listings', changes: [] }])).toEqual({
      listings: true,
      connector: true,
      docs: false,
    });
    expect(
      staleness([{ kind: 'cdc-applied', service: 'query', applied: 1, duplicates: 0, stale: 0, topic: 't' }]),
    ).toEqual({ listings: false, connector: false, docs: true });
    expect(staleness([{ kind: 'process', process: 'query', status: 'running' }])).toEqual({
      listings: true,
      connector: true,
      docs: true,
    });
    expect(staleness([{ kind: 'anomalies', anomalies: [], settled: true }])).toEqual({
      listings: false,
      connector: false,
      docs: false,
    });
  });
});
