import { describe, expect, it } from 'vitest';
import { runEsDeterministic } from './esDeterministicRun';
import { ES_CRASH_AND_RESTART } from './sampleRuns';

describe('deterministic event-sourced runs in Node', () => {
  it('give the same trace and end state for the same seed, another seed other ones, and keep the ES invariants', async () => {
    const first = await runEsDeterministic(ES_CRASH_AND_RESTART);
    const second = await runEsDeterministic(ES_CRASH_AND_RESTART);
    expect(first.anomalies).toEqual([]);
    expect(first.crashes.map((c) => c.point)).toEqual(['transfer-after-debit-before-credit']);
    expect(second.trace).toEqual(first.trace);
    expect(second.traceHash).toBe(first.traceHash);
    expect(second.stateHash).toBe(first.stateHash);
    const other = await runEsDeterministic({ ...ES_CRASH_AND_RESTART, seed: ES_CRASH_AND_RESTART.seed + 1 });
    expect(other.traceHash).not.toBe(first.traceHash);
    expect(other.stateHash).not.toBe(first.stateHash);
  });

  it('runs each transfer leg, the projection and a restart as steps of the trace', async () => {
    const { trace } = await runEsDeterministic(ES_CRASH_AND_RESTART);
    const crashed = trace.findIndex((line) => line.includes('transfer') && line.endsWith('→ crashed'));
    expect(crashed).toBeGreaterThan(-1);
    expect(trace.slice(crashed + 1).some((line) => line.includes('restart bank → recovered'))).toBe(true);
    expect(trace.some((line) => / bank credits t-\d+ → credited/.test(line))).toBe(true);
    expect(trace.some((line) => line.includes('query projects a batch → applied'))).toBe(true);
  });
});
