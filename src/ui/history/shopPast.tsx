// The shop's canvas as of a past moment: the recorded facts folded by the
// live canvas's own reducer (applyEvents) into a store of the live store's
// kind, given to the canvas in place of the live one. The live store keeps
// hearing the run meanwhile.

import { useEffect, useMemo, type ReactNode } from 'react';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from '../store/applyEvents';
import { StoreContext, usePlaygroundStore } from '../store/hooks';
import { initialState } from '../store/initialState';
import { createPlaygroundStore } from '../store/playgroundStore';
import type { PlaygroundData } from '../store/types';
import { createPastReplay } from './pastReplay';
import { usePastState } from './usePastState';

/** Log entries of a past state are stamped 0: the past canvas shows tables and processes, not the log's clock. */
const shopReplay = () =>
  createPastReplay<PlaygroundData>(initialState, (state, facts) =>
    applyEvents(state, facts as readonly ConductorEvent[], 0),
  );

/** Gives its children the shop's store as of the viewed moment (the live one while viewing now). */
export function ShopMoment({ children }: { children: ReactNode }) {
  const live = usePlaygroundStore();
  const replay = useMemo(shopReplay, [live]);
  const past = usePastState(replay);
  const pastStore = useMemo(() => createPlaygroundStore({ governor: null }), []);
  useEffect(() => {
    // The run's own settings and plan are the live ones: the past moment changes what happened, not the setup.
    if (past) pastStore.setState({ ...past, summarising: false });
  }, [past, pastStore]);
  return <StoreContext.Provider value={past ? pastStore : live}>{children}</StoreContext.Provider>;
}
