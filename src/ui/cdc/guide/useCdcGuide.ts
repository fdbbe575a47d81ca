// The guide's bindings on the CDC page: which library entry this run tells,
// and the runner (shared with the other pages' guides) that performs its
// narrative's actions here and gives the checker's verdict at the end.

import { useEffect } from 'react';
import { libraryEntry, type LibraryEntry } from '../../../core/scenario/library';
import type { Scenario } from '../../../core/scenario/scenario';
import { startGuideRunner } from '../../guide/guideRunner';
import { useNarrative } from '../../store/narrativeStore';
import type { CdcContextValue } from '../CdcContext';
import { performCdcAction } from './cdcNarrativeActions';

/** The entry the scenario's `guide` names, if it tells a CDC run (another page's story cannot be told here). */
export function cdcGuideEntry(scenario: Pick<Scenario, 'guide'>): LibraryEntry | undefined {
  const entry = scenario.guide ? libraryEntry(scenario.guide) : undefined;
  return entry?.scenario.topology === 'cdc' ? entry : undefined;
}

export function useCdcGuideRunner({ guide, controller, view }: CdcContextValue): void {
  useEffect(() => {
    if (!guide) return;
    useNarrative.getState().setLength(guide.narrative.length);
    return startGuideRunner({
      narrative: useNarrative,
      steps: guide.narrative,
      perform: (action) => performCdcAction(action, { controller, view }),
      verdict: async () => {
        await controller.settle();
        return controller.anomalies().map((a) => a.invariant);
      },
    });
  }, [guide, controller, view]);
}
