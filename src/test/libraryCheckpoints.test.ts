// The library's checkpoints: each well-formed for its guide, and each answered
// by its run's own outcome in Node: exactly one answer holds at the end of the
// guide's run, and a fault plan that changes what happens changes which one.
import { describe, expect, it } from 'vitest';
import { LIBRARY, libraryEntry } from '../core/scenario/library';
import { checkpointProblems, trueAnswer } from '../core/scenario/library/checkpoints';
import { runDeterministic } from './deterministicRun';

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
    expect(LIBRARY.some((entry) => entry.checkpoints?.length)).toBe(true);
  });

  for (const entry of LIBRARY)
    // Every checkpointed guide is run here: one on a topology Node cannot step yet fails, rather than going unchecked.
    if (entry.checkpoints?.length)
      it(`${entry.id}: its run answers each of its checkpoints`, async () => {
        const run = await runDeterministic(entry.scenario);
        for (const checkpoint of entry.checkpoints!)
          expect(trueAnswer(checkpoint, run).ok, checkpoint.question).toBe(true);
      });

  it('changes the right answer when a fault plan changes the outcome: no duplicates, every order ships once', async () => {
    const entry = libraryEntry('no-inbox')!;
    const [checkpoint] = entry.checkpoints!;
    expect(trueAnswer(checkpoint, await runDeterministic(entry.scenario))).toEqual({ ok: true, answer: 0 });
    const withoutFaults = await runDeterministic({ ...entry.scenario, faults: [] });
    expect(trueAnswer(checkpoint, withoutFaults)).toEqual({ ok: true, answer: 1 });
  });
});
