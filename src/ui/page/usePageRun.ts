// What every page run by its own controller (CDC, event-sourced) does for its
// run: one pair of stores per controller — a new run starts with nothing
// chosen, on its guide if it tells a library scenario — the one subscription
// to the controller, and the guide's runner. The page names its parts once.

import type { SteppedRun } from '../../runtime/controller';
import type { RunHistoryReads } from '../../runtime/historyReads';
import { useEffect, useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { NarrativeAction } from '../../core/scenario/library';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { Scenario } from '../../core/scenario/scenario';
import type { PageContextValue } from './createPageContext';
import { guideEntryFor, usePageGuideRunner } from './usePageGuide';

interface PageController extends SteppedRun, Pick<RunHistoryReads, 'recordedFacts'> {
  scenario(): Scenario;
  settle(): Promise<void>;
  anomalies(): Anomaly[];
}

/** `C`: the controller; `F`, `V`: the facts and view stores; `T`: the page's first tab when it has no guide. */
export interface PageRunParts<C, F, V, T extends string> {
  createFacts(): StoreApi<F>;
  createView(tab: T | 'guide'): StoreApi<V>;
  firstTab: T;
  /** Feeds the facts from the controller (events and polls); returns how to stop. */
  connect(controller: C, facts: StoreApi<F>): () => void;
  /** Performs one of the guide's narrative actions on this page. */
  perform(action: NarrativeAction, page: PageContextValue<C, F, V>): Promise<string | null>;
}

/** `parts` must be module-level: a new object would start the run's stores over. */
export function usePageRun<C extends PageController, F, V, T extends string>(
  controller: C,
  parts: PageRunParts<C, F, V, T>,
): PageContextValue<C, F, V> {
  const value = useMemo<PageContextValue<C, F, V>>(() => {
    const guide = guideEntryFor(controller.scenario());
    return {
      controller,
      facts: parts.createFacts(),
      view: parts.createView(guide ? 'guide' : parts.firstTab),
      guide,
    };
  }, [controller, parts]);
  useEffect(() => parts.connect(value.controller, value.facts), [value, parts]);
  usePageGuideRunner(value, parts.perform);
  return value;
}
