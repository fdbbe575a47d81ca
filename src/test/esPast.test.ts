// The event-sourced page's past canvas against the run itself: at every step of a deterministic run with a
// crash, the facts the page folds from the recorded history (esPast.tsx) name the same streams at the same
// versions, the same read models and the same processes down as the run's snapshot() at that step.

import { describe, expect, it } from 'vitest';
import type { EsSystemSnapshot } from '../core/eventsourcing/esInvariants';
import { esFold, esMoment, type EsState } from '../core/history/esFold';
import { FactHistory } from '../core/history/factHistory';
import type { RecordedFact } from '../runtime/historyReads';
import { esPastFacts, esReplay } from '../ui/history/esPast';
import { factsBy } from '../ui/history/pastReplay';
import { runEsDeterministic } from './esDeterministicRun';
import { ES_CRASH_AND_RESTART } from './sampleRuns';

type Recorded = { kind: string } & Record<string, unknown>;

const versions = (streams: { id: string; version: number }[]) =>
  Object.fromEntries(streams.map((s) => [s.id, s.version]));

describe("the event-sourced page's past canvas", () => {
  it("shows at each step the streams, read models and crashed processes the run's snapshot had", async () => {
    const history = new FactHistory<Recorded, EsState>(esFold as never, { checkpointEvery: 40 });
    const read = new Map<number, { time: number; snapshot: EsSystemSnapshot }>();
    await runEsDeterministic(ES_CRASH_AND_RESTART, {
      observe: {
        report: (fact, at) => history.record(fact, at),
        step: async (step, time, snapshot) => {
          read.set(step, { time, snapshot: await snapshot() });
        },
      },
    });
    const facts: RecordedFact[] = history.facts().map((e) => ({ ...e, step: null }));
    const replay = esReplay();
    let sawBankDown = false;
    for (const [step, { time, snapshot }] of read) {
      const folded = replay.stateAfter(facts, factsBy(facts, { time, step: null }));
      const past = esPastFacts(folded);
      // What the history's at() gives for that moment: the page draws the same thing.
      expect(esMoment(folded.tables), `step ${step}`).toEqual(esMoment(history.stateAt(time)));
      for (const store of snapshot.stores) {
        const shown = past.streams!.filter((s) => s.store === store.store);
        expect(versions(shown), `step ${step} ${store.store}`).toEqual(versions(store.streams));
      }
      const bankUp = snapshot.stores.some((s) => s.store === 'bank');
      expect(past.processes!.bank.status === 'crashed', `step ${step}`).toBe(!bankUp);
      sawBankDown ||= !bankUp;
      if (snapshot.readModels) {
        expect(past.readModels!.orderSummaries, `step ${step}`).toEqual(snapshot.readModels.orderSummaries);
        expect(past.readModels!.balances, `step ${step}`).toEqual(snapshot.readModels.balances);
      }
    }
    expect(sawBankDown).toBe(true);
  });
});
