import { describe, expect, it } from 'vitest';
import type { CdcReport } from '../core/cdc/cdcTypes';
import { cdcFold, cdcInspect, cdcMoment, type CdcState } from '../core/history/cdcFold';
import { FactHistory } from '../core/history/factHistory';
import { runCdcDeterministic } from './cdcDeterministicRun';
import { CDC_CRASH_AND_RESTART } from './sampleRuns';

describe("the CDC run's history", () => {
  it('rebuilds the listings, the log above the position, the position and the search documents at a step', async () => {
    const history = new FactHistory<CdcReport, CdcState>(cdcFold, { checkpointEvery: 40 });
    const read = new Map<number, { time: number; snapshot: unknown }>();
    const result = await runCdcDeterministic(CDC_CRASH_AND_RESTART, {
      observe: {
        report: (report, at) => history.record(report, at),
        step: async (step, time, snapshot) => {
          // A step whose process is down has no snapshot to compare with (its host's database is closed).
          if (step % 5 === 0)
            await snapshot().then(
              (databases) => read.set(step, { time, snapshot: databases }),
              () => undefined,
            );
        },
      },
    });
    expect(result.crashes).toHaveLength(1);
    expect(read.size).toBeGreaterThan(5);
    for (const [step, { time, snapshot }] of read)
      expect(cdcMoment(history.stateAt(time)), `step ${step}`).toEqual(snapshot);
  });

  it("inspects a change: the listing write it records, and the transaction's other rows", async () => {
    const history = new FactHistory<CdcReport, CdcState>(cdcFold);
    await runCdcDeterministic(CDC_CRASH_AND_RESTART, {
      observe: { report: (report, at) => history.record(report, at), step: async () => undefined },
    });
    const found = cdcInspect(history.stateAt(Infinity), history.facts(), 'change', '1');
    expect(found.service).toBe('listings');
    expect(found.item).toMatchObject({ seq: 1 });
    expect(found.causes[0]).toMatchObject({ kind: 'listings', service: 'listings' });
    expect(() => cdcInspect(history.stateAt(Infinity), history.facts(), 'change', 'nope')).toThrow(
      /no change "nope"/,
    );
  });
});
