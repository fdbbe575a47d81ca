// The page's state as of the moment it is looking at: null while it looks at
// now; otherwise the recorded facts up to that moment folded by the page's
// own reducer (pastReplay.ts). Recomputed when the moment or the recorded
// facts change; nothing is written to the run.

import { useMemo } from 'react';
import { useHistoryReads } from './HistoryContext';
import { useRecordedFacts } from './historyFeed';
import { useMoment } from './momentStore';
import { factsBy, type PastReplay } from './pastReplay';

export function usePastState<S>(replay: PastReplay<S>): S | null {
  const { reads } = useHistoryReads();
  const { facts } = useRecordedFacts(reads);
  const viewing = useMoment((s) => s.viewing);
  return useMemo(
    () => (viewing ? replay.stateAfter(facts, factsBy(facts, viewing)) : null),
    [replay, facts, viewing],
  );
}
