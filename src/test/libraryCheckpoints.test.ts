// The library's checkpoints: each well formed for its guide, every guide of the
// library asking at least one, and each answered by its run's own
// outcome: a shop guide is run in Node and exactly one answer holds at the end
// of its run; a fault plan that changes what happens changes which one.
import { describe, expect, it } from 'vitest';
import { LIBRARY, libraryEntry, type LibraryEntry } from '../core/scenario/library';
import {
  checkpointProblems,
  trueAnswer,
  type Outcome,
  type RunOutcome,
} from '../core/scenario/library/checkpoints';
import type { Topology } from '../core/scenario/scenario';
import { runDeterministic } from './deterministicRun';

/**
 * A shop guide's run in Node. A deterministic one is its scenario run to the end, as the guide's reveal settles it.
 * A live one places its orders from the narrative, so it is stood in for by the same scenario run deterministically
 * with the orders its narrative places (same faults, same data); the browser e2e walks the live run itself.
 */
async function shopRun(entry: LibraryEntry): Promise<RunOutcome> {
  if (entry.scenario.mode === 'deterministic') return runDeterministic(entry.scenario);
  const placed = entry.narrative.reduce(
    (n, step) => n + (step.do?.kind === 'placeOrders' ? step.do.count : 0),
    0,
  );
  return runDeterministic({ ...entry.scenario, mode: 'deterministic', orders: placed });
}

/**
 * The topologies whose guides Node can run here. The others (event-sourced, CDC) run on real workers: their
 * checkpoints are checked against the entry's promised `expect` below, and the browser e2e (e2e/es-guide.spec.ts,
 * e2e/cdc-ui.spec.ts) reads their real verdicts.
 */
const RUN_IN_NODE: Partial<Record<Topology, (entry: LibraryEntry) => Promise<RunOutcome>>> = {
  shop: shopRun,
};

/** The outcomes an entry promises: clean when it expects nothing, else broken on each invariant it expects. */
function promised(entry: LibraryEntry): Outcome[] {
  return entry.expect.length
    ? entry.expect.map((invariant) => ({ kind: 'broken', invariant }))
    : [{ kind: 'clean' }];
}

describe('library checkpoints', () => {
  it('are well formed for their guides', () => {
    const problems = LIBRARY.flatMap((entry) =>
      (entry.checkpoints ?? []).flatMap((c) =>
        checkpointProblems(
          c,
          entry.narrative.map((s) => s.do),
        ).map((p) => `${entry.id}: ${p}`),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('are asked by every guide of the library, at least one each', () => {
    expect(LIBRARY.filter((e) => !e.checkpoints?.length).map((e) => e.id)).toEqual([]);
  });

  for (const entry of LIBRARY) {
    if (!entry.checkpoints?.length) continue;
    const checkpoints = entry.checkpoints;

    it(`${entry.id}: each checkpoint has exactly one answer for the outcome the entry promises`, () => {
      const outcomes = promised(entry).map((o) => JSON.stringify(o));
      const promisedRun = { anomalies: entry.expect.map((invariant) => ({ invariant })) };
      for (const checkpoint of checkpoints) {
        const matching = checkpoint.answers.filter((a) => outcomes.includes(JSON.stringify(a.holds)));
        expect(matching.length, checkpoint.question).toBe(1);
        expect(trueAnswer(checkpoint, promisedRun).ok, checkpoint.question).toBe(true);
      }
    });

    const runInNode = RUN_IN_NODE[entry.scenario.topology];
    if (runInNode)
      it(`${entry.id}: its run answers each of its checkpoints`, async () => {
        const run = await runInNode(entry);
        for (const checkpoint of checkpoints) {
          const verdict = trueAnswer(checkpoint, run);
          expect(verdict, checkpoint.question).toMatchObject({ ok: true });
        }
      });
  }

  it('changes the right answer when a fault plan changes the outcome: no duplicates, every order ships once', async () => {
    const entry = libraryEntry('no-inbox')!;
    const [checkpoint] = entry.checkpoints!;
    expect(trueAnswer(checkpoint, await runDeterministic(entry.scenario))).toEqual({ ok: true, answer: 0 });
    const withoutFaults = await runDeterministic({ ...entry.scenario, faults: [] });
    expect(trueAnswer(checkpoint, withoutFaults)).toEqual({ ok: true, answer: 1 });
  });

  it('changes the right answer when a fault plan changes the outcome: with no held-back command, no cancelled order is charged', async () => {
    const entry = libraryEntry('saga-no-semantic-lock')!;
    const [checkpoint] = entry.checkpoints!;
    // answers[0]: nothing is charged for the cancelled order; answers[1]: the late command charges it.
    expect(trueAnswer(checkpoint, await runDeterministic(entry.scenario))).toEqual({ ok: true, answer: 1 });
    const withoutDelay = await runDeterministic({ ...entry.scenario, faults: [] });
    expect(trueAnswer(checkpoint, withoutDelay)).toEqual({ ok: true, answer: 0 });
  });
});
