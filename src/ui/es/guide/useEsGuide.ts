// The guide's bindings on the event-sourced page: which library entry this
// run tells, and the runner (shared with the shop's guide) that performs its
// narrative's actions here and gives the checker's verdict at the end.

import { useEffect } from 'react';
import { libraryEntry, type LibraryEntry } from '../../../core/scenario/library';
import type { Scenario } from '../../../core/scenario/scenario';
import { startGuideRunner } from '../../guide/guideRunner';
import { useNarrative } from '../../store/narrativeStore';
import type { EsContextValue } from '../EsContext';
import { performEsAction } from './esNarrativeActions';

/** The entry the scenario's `guide` names, if it tells an event-sourced run (a shop story cannot be told here). */
export function esGuideEntry(scenario: Pick<Scenario, 'guide'>): LibraryEntry | undefined {
  const entry = scenario.guide ? libraryEntry(scenario.guide) : undefined;
  return entry?.scenario.topology === 'event-sourced' ? entry : undefined;
}

export function useEsGuideRunner({ guide, controller, facts, view }: EsContextValue): void {
  useEffect(() => {
    if (!guide) return;
    useNarrative.getState().setLength(guide.narrative.length);
    return startGuideRunner({
      narrative: useNarrative,
      steps: guide.narrative,
      perform: (action) => performEsAction(action, { controller, facts, view }),
      verdict: async () => {
        await controller.settle();
        return controller.anomalies().map((a) => a.invariant);
      },
    });
  }, [guide, controller, facts, view]);
}
