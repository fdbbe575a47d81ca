import { describe, expect, it } from 'vitest';
import { checkpointProblems, trueAnswer, type Checkpoint } from './checkpoints';

const twice: Checkpoint = {
  beforeStep: 1,
  question: 'What does the duplicate do?',
  answers: [
    { text: 'Charges twice.', holds: { kind: 'broken', invariant: 'no-double-charge' }, why: 'No guard.' },
    { text: 'Nothing.', holds: { kind: 'clean' }, why: 'A guard skipped it.' },
  ],
};

describe('a checkpoint’s true answer', () => {
  it('is read off the run: the broken invariant, or a clean run', () => {
    expect(trueAnswer(twice, { anomalies: [{ invariant: 'no-double-charge' }] })).toEqual({
      ok: true,
      answer: 0,
    });
    expect(trueAnswer(twice, { anomalies: [] })).toEqual({ ok: true, answer: 1 });
  });

  it('is not guessed when no answer, or more than one, fits the run', () => {
    const other = trueAnswer(twice, { anomalies: [{ invariant: 'no-event-lost' }] });
    expect(other).toEqual({
      ok: false,
      error: '"What does the duplicate do?": no answer holds for this run (no-event-lost)',
    });
    const both: Checkpoint = {
      ...twice,
      answers: [
        twice.answers[0],
        { ...twice.answers[0], text: 'Again.', holds: { kind: 'broken', invariant: 'no-event-lost' } },
      ],
    };
    const verdict = trueAnswer(both, {
      anomalies: [{ invariant: 'no-double-charge' }, { invariant: 'no-event-lost' }],
    });
    expect(verdict.ok).toBe(false);
  });
});

describe('checkpointProblems', () => {
  it('finds nothing wrong with a well-formed checkpoint', () => {
    expect(checkpointProblems(twice, 3)).toEqual([]);
  });

  it('names a step out of range, too few answers, an unknown invariant and two answers on one outcome', () => {
    const bad: Checkpoint = {
      beforeStep: 5,
      question: 'Q?',
      answers: [{ text: 'A', holds: { kind: 'broken', invariant: 'no-such' as never }, why: 'w' }],
    };
    expect(checkpointProblems(bad, 3)).toEqual([
      'checkpoint before step 6: the guide has steps 1 to 3',
      'checkpoint before step 6: 1 answers (two to four)',
      'checkpoint before step 6, answer 1: no invariant "no-such"',
    ]);
    const same = { ...twice, answers: [twice.answers[1], { ...twice.answers[1], text: 'Also nothing.' }] };
    expect(checkpointProblems(same, 3)).toEqual([
      'checkpoint before step 2: two answers hold on the same outcome, so a run could not tell them apart',
    ]);
  });
});
