// Test code, never shipped: which steps of a library narrative crash a
// process — its action runs until a crash, or its words say one dies — for the
// Node walk over the library and the e2e walk over the page (e2e/guide-beats.spec.ts).

import type { LibraryEntryOf, NarrativeAction } from '../core/scenario/library/types';

const SAYS_DIES = /\b(dies|died)\b/;

/** Whether step `index` of `entry`'s narrative stops on a crash, or says one happened. */
export function crashesAt(entry: LibraryEntryOf<NarrativeAction>, index: number): boolean {
  const step = entry.narrative[index];
  return runsUntilCrash(step.do) || SAYS_DIES.test(step.say);
}

export function runsUntilCrash(action: NarrativeAction | undefined): boolean {
  return action?.kind === 'stepUntil' && action.beat.kind === 'crash';
}
