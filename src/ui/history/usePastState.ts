// The page's state as of the moment it is looking at: null while it looks at
// now; otherwise the recorded facts up to that moment folded by the page's
// own reducer (pastReplay.ts). Recomputed when the moment or the recorded
// facts change; nothing is written to the run.

import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { StoreApi } from 'zustand';
import { useHistoryReads } from './HistoryContext';
import { historyFeed, useRecordedFacts, type HistoryFeedState } from './historyFeed';
import { useMoment } from './momentStore';
import { factsBy, type FactsRead, type PastReplay } from './pastReplay';

export function usePastState<S>(replay: PastReplay<S>): S | null {
  const { reads } = useHistoryReads();
  const { facts } = useRecordedFacts(reads);
  const viewing = useMoment((s) => s.viewing);
  // Every read is followed, viewing or not, so what the history forgets under its cap is folded into the
  // replay's base before it is gone, and the oldest kept moments are still drawn whole.
  useEffect(() => {
    const follow = (after: FactsRead & HistoryFeedState, before: FactsRead) => {
      replay.follow(before, after);
      const wholeFrom = replay.wholeFrom();
      const rowsLetGo = replay.rowsLetGo();
      if (wholeFrom !== after.pastWholeFrom || rowsLetGo !== after.pastRowsLetGo)
        historyFeed.setState({ pastWholeFrom: wholeFrom, pastRowsLetGo: rowsLetGo });
    };
    // A replay made after the history began forgetting has missed what it forgot: follow says so.
    follow(historyFeed.getState(), { facts: [], forgotten: 0 });
    return historyFeed.subscribe(follow);
  }, [replay]);
  return useMemo(
    () => (viewing ? replay.stateAfter(facts, factsBy(facts, viewing)) : null),
    [replay, facts, viewing],
  );
}

/**
 * A store of the page's own kind holding the state as of the viewed moment (null while viewing now): what a
 * page gives its canvas in place of the live store. `toState` turns the folded state into the store's data.
 */
export function usePastStore<S, T>(
  replay: PastReplay<S>,
  make: () => StoreApi<T>,
  toState: (past: S) => Partial<T>,
): StoreApi<T> | null {
  const past = usePastState(replay);
  const [store] = useState(make);
  // Set before paint, so the canvas never shows a moment's first frame from an older one.
  useLayoutEffect(() => {
    if (past) store.setState(toState(past));
  }, [past, store, toState]);
  return past ? store : null;
}
