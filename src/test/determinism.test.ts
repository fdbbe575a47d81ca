import { describe, expect, it } from 'vitest';
import { runDeterministic } from './deterministicRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

const scenario = CRASH_AND_DUPLICATE;

describe('deterministic runs in Node', () => {
  it('give the same trace and end state for the same seed, and a different trace for another seed', async () => {
    const first = await runDeterministic(scenario);
    const second = await runDeterministic(scenario);
    expect(first.anomalies).toEqual([]);
    expect(first.fired).toHaveLength(2);
    expect(second.trace).toEqual(first.trace);
    expect(second.traceHash).toBe(first.traceHash);
    expect(second.stateHash).toBe(first.stateHash);
    const other = await runDeterministic({ ...scenario, seed: 8 });
    expect(other.traceHash).not.toBe(first.traceHash);
  });

  it('runs a crash and its recovery as steps of the trace', async () => {
    const { trace } = await runDeterministic(scenario);
    const crashed = trace.findIndex((line) => line.includes('payment takes') && line.endsWith('→ crashed'));
    expect(crashed).toBeGreaterThan(-1);
    expect(trace.slice(crashed + 1).some((line) => line.includes('restart payment → recovered'))).toBe(true);
  });
});
