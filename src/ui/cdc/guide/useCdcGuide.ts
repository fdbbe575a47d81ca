// The guide's bindings on the CDC page: the entry a CDC run tells, and the
// shared runner performing its actions with performCdcAction.

import type { LibraryEntry } from '../../../core/scenario/library';
import type { Scenario } from '../../../core/scenario/scenario';
import { guideEntryFor, usePageGuideRunner } from '../../page/usePageGuide';
import type { CdcContextValue } from '../CdcContext';
import { performCdcAction } from './cdcNarrativeActions';

/** The entry the scenario's `guide` names, if it tells a CDC run (another page's story cannot be told here). */
export function cdcGuideEntry(scenario: Pick<Scenario, 'guide'>): LibraryEntry | undefined {
  return guideEntryFor(scenario, 'cdc');
}

export function useCdcGuideRunner(page: CdcContextValue): void {
  usePageGuideRunner(page, performCdcAction);
}
