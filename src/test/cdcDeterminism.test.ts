import { describe, expect, it } from 'vitest';
import { runCdcDeterministic } from './cdcDeterministicRun';
import { CDC_CRASH_AND_RESTART } from './sampleRuns';

describe('deterministic CDC runs in Node', () => {
  it('give the same trace and end state for the same seed, another seed other ones, and keep the CDC invariants', async () => {
    const first = await runCdcDeterministic(CDC_CRASH_AND_RESTART);
    const second = await runCdcDeterministic(CDC_CRASH_AND_RESTART);
    expect(first.anomalies).toEqual([]);
    expect(first.crashes.map((c) => c.point)).toEqual(['cdc-after-publish-before-position']);
    expect(first.duplicates).toBeGreaterThan(0);
    expect(second.trace).toEqual(first.trace);
    expect(second.traceHash).toBe(first.traceHash);
    expect(second.stateHash).toBe(first.stateHash);
    const other = await runCdcDeterministic({
      ...CDC_CRASH_AND_RESTART,
      seed: CDC_CRASH_AND_RESTART.seed + 1,
    });
    expect(other.traceHash).not.toBe(first.traceHash);
    expect(other.stateHash).not.toBe(first.stateHash);
  });

  it('replays kills at logical positions exactly, the broker among them', async () => {
    const kills = [
      { process: 'broker' as const, step: 8 },
      { process: 'query' as const, step: 20 },
      { process: 'listings' as const, step: 30 },
    ];
    const first = await runCdcDeterministic(CDC_CRASH_AND_RESTART, { kills });
    const second = await runCdcDeterministic(CDC_CRASH_AND_RESTART, { kills });
    expect(first.anomalies).toEqual([]);
    expect(first.crashes.filter((c) => c.point === 'manual').map((c) => c.process)).toEqual([
      'broker',
      'query',
      'listings',
    ]);
    expect(first.trace.some((line) => line.includes('restart broker → recovered'))).toBe(true);
    expect(second.trace).toEqual(first.trace);
    expect(second.stateHash).toBe(first.stateHash);
  });
});
