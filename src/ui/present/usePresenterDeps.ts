// The presenter commands' view of the app: the controller, and the stores read
// at the moment of each key press (getState, not subscriptions).

import { useMemo } from 'react';
import { useController } from '../controls/ControllerContext';
import { usePlaygroundStore } from '../store/hooks';
import { useNarrative } from '../store/narrativeStore';
import { viewStore } from '../store/viewStore';
import type { PresenterDeps } from './presenterCommands';

export function usePresenterDeps(): PresenterDeps {
  const controller = useController();
  const store = usePlaygroundStore();
  return useMemo(
    () => ({
      controller,
      playground: () => store.getState(),
      narrative: () => useNarrative.getState(),
      view: () => viewStore.getState(),
    }),
    [controller, store],
  );
}
