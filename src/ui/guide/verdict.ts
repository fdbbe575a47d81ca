// The closing summary: the checker's verdict after the narrative's last step
// beside what the scenario expects. Pure.

export interface VerdictSummary {
  asExpected: boolean;
  /** One sentence for the guide. */
  text: string;
  /** Expected but not reported. */
  missing: string[];
  /** Reported but not expected. */
  unexpected: string[];
}

/** Each invariant once, in a stable order: how verdicts and expectations are compared and shown. */
export function invariantSet(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

const list = (names: readonly string[]) => (names.length ? names.join(', ') : 'no anomaly');

export function compareVerdict(found: Iterable<string>, expected: Iterable<string>): VerdictSummary {
  const got = invariantSet(found);
  const want = invariantSet(expected);
  const missing = want.filter((n) => !got.includes(n));
  const unexpected = got.filter((n) => !want.includes(n));
  if (missing.length === 0 && unexpected.length === 0)
    return { asExpected: true, text: `As expected: ${list(got)}.`, missing, unexpected };
  return {
    asExpected: false,
    text: `Not as expected: the checker reports ${list(got)}, where this scenario expects ${list(want)}.`,
    missing,
    unexpected,
  };
}
