// The guide's bindings on the event-sourced page: the entry an event-sourced
// run tells, and the shared runner performing its actions with performEsAction.

import type { LibraryEntry } from '../../../core/scenario/library';
import type { Scenario } from '../../../core/scenario/scenario';
import { guideEntryFor, usePageGuideRunner } from '../../page/usePageGuide';
import type { EsContextValue } from '../EsContext';
import { performEsAction } from './esNarrativeActions';

/** The entry the scenario's `guide` names, if it tells an event-sourced run (a shop story cannot be told here). */
export function esGuideEntry(scenario: Pick<Scenario, 'guide'>): LibraryEntry | undefined {
  return guideEntryFor(scenario, 'event-sourced');
}

export function useEsGuideRunner(page: EsContextValue): void {
  usePageGuideRunner(page, performEsAction);
}
