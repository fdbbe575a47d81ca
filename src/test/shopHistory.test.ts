import { describe, expect, it } from 'vitest';
import { FactHistory } from '../core/history/factHistory';
import { shopFold, shopMoment } from '../core/history/shopFold';
import type { Fact } from '../core/telemetry';
import type { ServiceName } from '../core/rows';
import { runDeterministic } from './deterministicRun';
import { CRASH_AND_DUPLICATE } from './sampleRuns';

/** The broker's live view is memory, not state: left out as the state hash leaves it out. */
const durable = (moment: { services: unknown; broker: { live?: unknown } }) => {
  const { live: _live, ...broker } = moment.broker;
  return { services: moment.services, broker };
};

describe("the shop's history", () => {
  it('rebuilds every table at a step from the facts alone, as the databases were at that step', async () => {
    const history = new FactHistory<Fact, ReturnType<typeof shopFold.empty>>(shopFold, {
      checkpointEvery: 50,
    });
    const read = new Map<number, unknown>();
    const times: number[] = [];
    let services: ServiceName[] = [];
    const result = await runDeterministic(CRASH_AND_DUPLICATE, {
      observe: async (moment) => {
        services = moment.services;
        for (const fact of moment.facts) history.record(fact, moment.time);
        times[moment.step] = moment.time;
        if (moment.step % 7 === 0) read.set(moment.step, durable(await moment.read()));
      },
    });
    expect(result.fired).toHaveLength(2);
    expect(read.size).toBeGreaterThan(5);
    for (const [step, databases] of read)
      expect(durable(shopMoment(history.stateAt(times[step]), services)), `step ${step}`).toEqual(databases);
  });

  it('keeps at most its cap, rebuilds what it kept, and refuses a moment older than that by name', async () => {
    const full = new FactHistory<Fact, ReturnType<typeof shopFold.empty>>(shopFold);
    const capped = new FactHistory<Fact, ReturnType<typeof shopFold.empty>>(shopFold, {
      cap: 40,
      checkpointEvery: 5,
      maxCheckpoints: 4,
    });
    let services: ServiceName[] = [];
    let end = 0;
    await runDeterministic(CRASH_AND_DUPLICATE, {
      observe: async (moment) => {
        services = moment.services;
        end = moment.time;
        for (const fact of moment.facts) {
          full.record(fact, moment.time);
          capped.record(fact, moment.time);
        }
      },
    });
    expect(capped.facts().length).toBeLessThanOrEqual(40);
    expect(capped.forgotten).toBeGreaterThan(0);
    expect(shopMoment(capped.stateAt(end), services)).toEqual(shopMoment(full.stateAt(end), services));
    const kept = capped.facts()[0].at;
    expect(shopMoment(capped.stateAt(kept), services)).toEqual(shopMoment(full.stateAt(kept), services));
    expect(() => capped.stateAt(0)).toThrow(
      /keeps the last 40 facts: the oldest moment it can rebuild is time/,
    );
  });
});
