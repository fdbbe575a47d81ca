// A shop scenario run in the in-process harness, its facts recorded as the
// conductor records them ({ seq, at, step, fact }), for the tests of what
// the history views derive from real facts.

import { FactHistory } from '../core/history/factHistory';
import { shopFold } from '../core/history/shopFold';
import type { Fact } from '../core/telemetry';
import type { Scenario } from '../core/scenario/scenario';
import type { RecordedFact } from '../runtime/historyReads';
import { runDeterministic } from './deterministicRun';

export async function recordedShopRun(scenario: Scenario): Promise<RecordedFact<Fact>[]> {
  const history = new FactHistory<Fact, ReturnType<typeof shopFold.empty>>(shopFold);
  const stepAt = new Map<number, number>();
  await runDeterministic(scenario, {
    observe: async (moment) => {
      stepAt.set(moment.time, moment.step);
      for (const fact of moment.facts) history.record(fact, moment.time);
    },
  });
  return history.facts().map((e) => ({ ...e, step: stepAt.get(e.at) ?? null }));
}
