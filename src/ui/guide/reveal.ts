// What a checkpoint's reveal says: which answer the run showed true, read off
// the checker's anomalies after its beat (checkpoints.ts's trueAnswer), and the
// checker's words about the rows that prove it. Pure.

import { revealStep, trueAnswer, type Checkpoint } from '../../core/scenario/library/checkpoints';
import type { Reveal } from '../store/narrativeStore';

/** The indices of the checkpoints revealed once step `step` has run. */
export function revealedAfter(checkpoints: readonly Checkpoint[], step: number): number[] {
  return checkpoints.flatMap((c, i) => (revealStep(c) === step ? [i] : []));
}

export function reveal(
  checkpoint: Checkpoint,
  found: readonly { invariant: string; message: string }[],
): Reveal {
  const verdict = trueAnswer(checkpoint, { anomalies: found });
  if (!verdict.ok) return verdict;
  const holds = checkpoint.answers[verdict.answer].holds;
  const proof = holds.kind === 'broken' ? found.filter((a) => a.invariant === holds.invariant) : [];
  return { ok: true, answer: verdict.answer, proof: proof.map((a) => a.message) };
}

/** How the learner's choice compares with what the run showed. */
export type ChoiceResult = 'right' | 'wrong' | 'room';

export function choiceResult(choice: number | 'room' | undefined, shown: number): ChoiceResult {
  return choice === undefined || choice === 'room' ? 'room' : choice === shown ? 'right' : 'wrong';
}
