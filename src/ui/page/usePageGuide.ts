// The guide's bindings a page run by its own controller shares (CDC,
// event-sourced): which library entry the run tells, and the runner (shared
// with the shop's guide) that performs its narrative's actions with the page's
// own `perform` and gives the checker's verdict at the end.

import { useEffect } from 'react';
import type { Anomaly } from '../../core/invariantCatalogue';
import { libraryEntry, type LibraryEntry, type NarrativeAction } from '../../core/scenario/library';
import type { Scenario } from '../../core/scenario/scenario';
import { startGuideRunner, walkToLinkCheckpoint } from '../guide/guideRunner';
import { useNarrative } from '../store/narrativeStore';
import { guideMoments } from '../history/guideMoments';
import type { SimState } from '../../runtime/controller';
import type { RunHistoryReads } from '../../runtime/historyReads';
import type { RunStart } from '../../runtime/runStart';

/** The entry the scenario's `guide` names, if it tells a run of the scenario's own topology (another page's story cannot be told here). */
export function guideEntryFor(scenario: Pick<Scenario, 'guide' | 'topology'>): LibraryEntry | undefined {
  const entry = scenario.guide ? libraryEntry(scenario.guide) : undefined;
  return entry?.scenario.topology === scenario.topology ? entry : undefined;
}

interface GuidedPage {
  guide?: LibraryEntry;
  controller: {
    settle(): Promise<void>;
    anomalies(): Anomaly[];
    mode: string;
    simState(): SimState;
    scenario(): Pick<Scenario, 'checkpoint'>;
  } & RunStart &
    Pick<RunHistoryReads, 'recordedFacts'>;
}

/**
 * Runs the page's guide, if it has one. `page` is the page's context value (made once per controller, so the
 * runner restarts only with a new run); `perform` is module-level.
 */
export function usePageGuideRunner<C extends GuidedPage>(
  page: C,
  perform: (action: NarrativeAction, page: C) => Promise<string | null>,
): void {
  useEffect(() => {
    const { guide, controller } = page;
    if (!guide) return;
    useNarrative.getState().setLength(guide.narrative.length, guide.checkpoints);
    const stop = startGuideRunner({
      narrative: useNarrative,
      steps: guide.narrative,
      topology: guide.scenario.topology,
      perform: (action) => perform(action, page),
      verdict: async () => {
        await controller.settle();
        return controller.anomalies();
      },
      ...guideMoments(controller),
    });
    const cancelWalk = walkToLinkCheckpoint(guide.checkpoints, controller, (step) =>
      useNarrative.getState().walkTo(step),
    );
    return () => {
      cancelWalk();
      stop();
    };
  }, [page, perform]);
}
