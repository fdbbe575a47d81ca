// Predict, then watch: a guide's checkpoint asks a question before a key beat,
// and which answer is true is read off the run's own outcome (the checker's
// verdict), never from a key stored beside the question: a fault plan that
// changes what happens changes which answer is right. Each answer says what the
// run must show for it to hold; exactly one must hold, or the checkpoint does
// not fit the run and says so rather than guess.

import { INVARIANTS, type InvariantName } from '../../invariantCatalogue';

/** What a run must show for an answer to be the true one. */
export type Outcome =
  /** The checker names this invariant as broken. */
  | { kind: 'broken'; invariant: InvariantName }
  /** The checker finds nothing wrong. */
  | { kind: 'clean' };

export interface CheckpointAnswer {
  text: string;
  holds: Outcome;
  /** One sentence on why, shown once the run has shown this answer true. */
  why: string;
}

export interface Checkpoint {
  /** The narrative step (0-based) the question is asked before: the run waits for an answer there. */
  beforeStep: number;
  /**
   * The step (0-based, at or after `beforeStep`; default `beforeStep`) after whose action the answer is revealed: the
   * guide then lets the run settle (a deterministic run runs to its end) and reads the checker's verdict. So the steps
   * after it must not need the run unfinished (no `steps` or `stepUntil`).
   */
  revealAfter?: number;
  question: string;
  /** Two to four answers, as a radio group. */
  answers: CheckpointAnswer[];
}

/** What the run ended with, as far as a checkpoint reads it. */
export interface RunOutcome {
  anomalies: readonly { invariant: string }[];
}

function holds(outcome: Outcome, run: RunOutcome): boolean {
  if (outcome.kind === 'clean') return run.anomalies.length === 0;
  return run.anomalies.some((a) => a.invariant === outcome.invariant);
}

export type Verdict = { ok: true; answer: number } | { ok: false; error: string };

/** The index of the answer this run shows true; an error when none or several hold. */
export function trueAnswer(checkpoint: Checkpoint, run: RunOutcome): Verdict {
  const true_ = checkpoint.answers.flatMap((a, i) => (holds(a.holds, run) ? [i] : []));
  if (true_.length === 1) return { ok: true, answer: true_[0] };
  const found = run.anomalies.map((a) => a.invariant).join(', ') || 'no anomaly';
  return {
    ok: false,
    error: `"${checkpoint.question}": ${true_.length === 0 ? 'no answer holds' : `answers ${true_.map((i) => i + 1).join(' and ')} hold`} for this run (${found})`,
  };
}

/** The step after whose action a checkpoint's answer is revealed. */
export function revealStep(checkpoint: Checkpoint): number {
  return checkpoint.revealAfter ?? checkpoint.beforeStep;
}

/** Actions that need the run unfinished: after a reveal has settled it, they would have nothing left to step. */
const NEEDS_UNFINISHED_RUN = new Set(['steps', 'stepUntil']);

/**
 * What is wrong with a checkpoint of a guide whose narrative steps do `actions` (undefined: just read), in order
 * (empty: nothing).
 */
export function checkpointProblems(
  checkpoint: Checkpoint,
  actions: readonly ({ kind: string } | undefined)[],
): string[] {
  const problems: string[] = [];
  const steps = actions.length;
  const where = `checkpoint before step ${checkpoint.beforeStep + 1}`;
  const inRange = (n: number) => Number.isInteger(n) && n >= 0 && n < steps;
  if (!inRange(checkpoint.beforeStep)) problems.push(`${where}: the guide has steps 1 to ${steps}`);
  const reveal = revealStep(checkpoint);
  if (!inRange(reveal) || reveal < checkpoint.beforeStep)
    problems.push(`${where}: revealed after step ${reveal + 1}, not from it to step ${steps}`);
  actions.slice(reveal + 1).forEach((action, i) => {
    if (action && NEEDS_UNFINISHED_RUN.has(action.kind))
      problems.push(
        `${where}: step ${reveal + i + 2} does "${action.kind}", but the reveal after step ${reveal + 1} has settled the run`,
      );
  });
  if (!checkpoint.question.trim()) problems.push(`${where}: no question`);
  const { answers } = checkpoint;
  if (answers.length < 2 || answers.length > 4)
    problems.push(`${where}: ${answers.length} answers (two to four)`);
  answers.forEach((a, i) => {
    if (!a.text.trim() || !a.why.trim())
      problems.push(`${where}, answer ${i + 1}: its text or its why is empty`);
    if (a.holds.kind === 'broken' && !(a.holds.invariant in INVARIANTS))
      problems.push(`${where}, answer ${i + 1}: no invariant "${a.holds.invariant}"`);
  });
  const outcomes = answers.map((a) => JSON.stringify(a.holds));
  if (new Set(outcomes).size !== outcomes.length)
    problems.push(`${where}: two answers hold on the same outcome, so a run could not tell them apart`);
  return problems;
}
