// CDC + event sourcing, run whole in Node: the connector dies after the broker
// has a batch and before it stores its position, so that batch is published
// again. The listings' history skips each repeat by its log sequence and
// replays to the table; with the check off (`inbox: false`) the repeats land in
// the streams and the checker flags them. Nothing else differs.
import { describe, expect, it } from 'vitest';
import { runCdcDeterministic } from './cdcDeterministicRun';
import { CDC_CRASH_AND_RESTART } from './sampleRuns';

const invariants = (anomalies: readonly { invariant: string }[]) => [
  ...new Set(anomalies.map((a) => a.invariant)),
];

describe('the listings history over a connector crash', () => {
  it('with its sequence check: the republished batch is skipped, every stream replays to its row', async () => {
    const run = await runCdcDeterministic(CDC_CRASH_AND_RESTART);
    expect(run.duplicates).toBeGreaterThan(0);
    expect(run.anomalies).toEqual([]);
  });

  it('without it: the republished changes are appended again, and only the history is flagged', async () => {
    const run = await runCdcDeterministic({ ...CDC_CRASH_AND_RESTART, inbox: false });
    expect(run.duplicates).toBeGreaterThan(0);
    expect(invariants(run.anomalies)).toEqual(['cdc-history-replays-source']);
    expect(run.anomalies[0].message).toMatch(/holds the change at log sequence \d+ twice/);
  });
});
