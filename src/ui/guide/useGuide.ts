// The guide's bindings: which library entry this run tells (its scenario's
// `guide`), and the runner that performs its narrative's actions, mounted once
// for the page (by the side panel, which every page with a side panel has).

import { useEffect, useMemo } from 'react';
import { libraryEntry, type LibraryEntry } from '../../core/scenario/library';
import { useController } from '../controls/ControllerContext';
import { usePlaygroundStore } from '../store/hooks';
import { useNarrative } from '../store/narrativeStore';
import { viewStore } from '../store/viewStore';
import { startGuideRunner, walkToLinkCheckpoint } from './guideRunner';
import { performAction } from './narrativeActions';
import { nextCheck } from './nextCheck';
import { guideMoments } from '../history/guideMoments';

export function useGuideEntry(): LibraryEntry | undefined {
  const controller = useController();
  return useMemo(() => {
    const id = controller.scenario().guide;
    return id ? libraryEntry(id) : undefined;
  }, [controller]);
}

export function useGuideRunner(entry: LibraryEntry | undefined): void {
  const controller = useController();
  const store = usePlaygroundStore();
  useEffect(() => {
    if (!entry) return;
    useNarrative.getState().setLength(entry.narrative.length, entry.checkpoints);
    const stop = startGuideRunner({
      narrative: useNarrative,
      steps: entry.narrative,
      topology: entry.scenario.topology,
      perform: (action) =>
        performAction(action, { controller, showTab: (tab) => viewStore.getState().setTab(tab) }),
      verdict: async () => {
        await controller.settle();
        // settle() resolves right after its check was published, before the store's next frame applies it.
        return nextCheck(store, store.getState().anomalyCheck);
      },
      ...guideMoments(controller),
    });
    const cancelWalk = walkToLinkCheckpoint(entry.checkpoints, controller, (step) =>
      useNarrative.getState().walkTo(step),
    );
    return () => {
      cancelWalk();
      stop();
    };
  }, [entry, controller, store]);
}
