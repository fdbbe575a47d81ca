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

const READ = [undefined, undefined, undefined];

describe('checkpointProblems', () => {
  it('finds nothing wrong with a well-formed checkpoint', () => {
    expect(checkpointProblems(twice, READ)).toEqual([]);
  });

  it('names a step out of range, too few answers, an unknown invariant and two answers on one outcome', () => {
    const bad: Checkpoint = {
      beforeStep: 5,
      question: 'Q?',
      answers: [{ text: 'A', holds: { kind: 'broken', invariant: 'no-such' as never }, why: 'w' }],
    };
    expect(checkpointProblems(bad, READ)).toEqual([
      'checkpoint before step 6: the guide has steps 1 to 3',
      'checkpoint before step 6: revealed after step 6, not from it to step 3',
      'checkpoint before step 6: 1 answers (two to four)',
      'checkpoint before step 6, answer 1: no invariant "no-such"',
    ]);
    const same = { ...twice, answers: [twice.answers[1], { ...twice.answers[1], text: 'Also nothing.' }] };
    expect(checkpointProblems(same, READ)).toEqual([
      'checkpoint before step 2: two answers hold on the same outcome, so a run could not tell them apart',
    ]);
  });

  it('refuses a reveal before its question, and a later step that needs the run unfinished', () => {
    expect(checkpointProblems({ ...twice, beforeStep: 1, revealAfter: 0 }, READ)).toEqual([
      'checkpoint before step 2: revealed after step 1, not from it to step 3',
    ]);
    const actions = [undefined, { kind: 'runToEnd' }, { kind: 'stepUntil' }];
    expect(checkpointProblems({ ...twice, beforeStep: 1 }, actions)).toEqual([
      'checkpoint before step 2: step 3 does "stepUntil", but the reveal after step 2 has settled the run',
    ]);
  });
});
