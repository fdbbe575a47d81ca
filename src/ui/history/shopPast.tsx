// The shop's canvas as of a past moment: the recorded facts folded by the
// live canvas's own reducer (applyEvents) into a store of the live store's
// kind, given to the canvas in place of the live one. The live store keeps
// hearing the run meanwhile.

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { ConductorEvent } from '../../runtime/controller';
import { applyEvents } from '../store/applyEvents';
import { StoreContext, usePlaygroundStore } from '../store/hooks';
import { initialState } from '../store/initialState';
import { createPlaygroundStore, type PlaygroundState, type PlaygroundStore } from '../store/playgroundStore';
import type { PlaygroundData } from '../store/types';
import { createPastReplay } from './pastReplay';
import { usePastStore } from './usePastState';

/** Log entries of a past state are stamped 0: the past canvas shows tables and processes, not the log's clock. */
const shopReplay = () =>
  createPastReplay<PlaygroundData>(initialState, (state, facts) =>
    applyEvents(state, facts as readonly ConductorEvent[], 0),
  );

const makeStore = () => createPlaygroundStore({ governor: null });

/** The shop's store as of the viewed moment; null while viewing now. Folded once for the page. */
const PastShop = createContext<PlaygroundStore | null>(null);

/** Folds the page's past moment once, for every ShopMoment below it (the canvas, the Sagas tab). */
export function ShopPastProvider({ children }: { children: ReactNode }) {
  const live = usePlaygroundStore();
  const replay = useMemo(shopReplay, [live]);
  // The plan is the run's, not a fact of the moment: the past canvas names the same faults as the live one.
  const toState = useMemo(
    () =>
      (past: PlaygroundData): Partial<PlaygroundState> => ({
        ...past,
        faultPlan: live.getState().faultPlan,
        summarising: false,
      }),
    [live],
  );
  const past = usePastStore(replay, makeStore, toState);
  return <PastShop.Provider value={past}>{children}</PastShop.Provider>;
}

/**
 * Gives its children the shop's store as of the viewed moment (the live one while viewing now, and always on a page
 * without a ShopPastProvider: an embed or the presenter, which draw no past).
 */
export function ShopMoment({ children }: { children: ReactNode }) {
  const live = usePlaygroundStore();
  const past = useContext(PastShop);
  return <StoreContext.Provider value={past ?? live}>{children}</StoreContext.Provider>;
}
