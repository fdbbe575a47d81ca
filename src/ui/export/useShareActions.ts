// The menu's actions: copy the scenario's link, save the run's trace, diagram
// or scenario as a file. Each reports how it went through `report`; none
// throws, so a refused clipboard or a dead broker ends as a message.

import { useMemo } from 'react';
import { diagramFileName, scenarioFileName, traceFileName } from '../../core/export/fileNames';
import { scenarioJson } from '../../core/export/scenarioFile';
import { sequenceDiagram } from '../../core/export/sequenceDiagram';
import type { InboxEntry } from '../../core/export/timeline';
import { traceJsonl } from '../../core/export/traceJsonl';
import { scenarioLink } from '../../core/scenario/link';
import { useController } from '../controls/ControllerContext';
import { usePlaygroundStore } from '../store/hooks';
import { crashNotes } from './crashNotes';
import { downloadText } from './download';
import { shareBase } from './shareBase';
import { scenarioAtMoment } from '../history/momentLink';
import { momentStore } from '../history/momentStore';
import { FORK_PARAM } from '../../runtime/forkLink';
import { SHARE_MESSAGES, type Outcome } from './shareMessages';

export interface ShareActions {
  copyLink(): Promise<void>;
  exportTrace(): Promise<void>;
  exportDiagram(): Promise<void>;
  exportScenario(): void;
}

export function useShareActions(report: (outcome: Outcome) => void): ShareActions {
  const controller = useController();
  const store = usePlaygroundStore();
  return useMemo(() => {
    const save = async (
      fileName: string,
      type: string,
      build: () => Promise<{ text: string; detail?: string }>,
    ) => {
      report(SHARE_MESSAGES.working(fileName));
      try {
        const { text, detail } = await build();
        downloadText(fileName, text, type);
        report(SHARE_MESSAGES.saved(fileName, detail));
      } catch (error) {
        report(SHARE_MESSAGES.exportFailed(fileName, error));
      }
    };
    return {
      async copyLink() {
        const scenario = scenarioAtMoment(
          controller.scenario(),
          controller.simState(),
          momentStore.getState().viewing,
          new URLSearchParams(window.location.search).has(FORK_PARAM),
        );
        const link = scenarioLink(shareBase(window.location.href), scenario);
        try {
          // Missing outside a secure context; rejected when permission is denied or the page lacks focus.
          if (!navigator.clipboard) throw new Error('no clipboard');
          await navigator.clipboard.writeText(link);
          report(SHARE_MESSAGES.copied());
        } catch {
          report(SHARE_MESSAGES.copyByHand(link));
        }
      },
      exportTrace: () =>
        save(traceFileName(controller.runId), 'application/x-ndjson', async () => {
          const records = await controller.brokerLog();
          return { text: traceJsonl(records), detail: plural(records.length, 'event') };
        }),
      exportDiagram: () =>
        save(diagramFileName(controller.runId), 'text/plain', async () => {
          const [records, snapshot] = await Promise.all([controller.brokerLog(), controller.snapshot()]);
          // Only an orchestrated run's snapshot has an orchestrator: the diagram draws it only then.
          const inboxes = Object.fromEntries(
            Object.entries(snapshot.services).map(([service, tables]) => [
              service,
              (tables?.inbox ?? []) as unknown as InboxEntry[],
            ]),
          );
          const crashes = crashNotes(store.getState(), controller.mode, controller.faultPlan);
          return {
            text: sequenceDiagram({ records, inboxes, crashes }),
            detail: plural(records.length, 'event'),
          };
        }),
      exportScenario() {
        const scenario = controller.scenario();
        const fileName = scenarioFileName(scenario);
        downloadText(fileName, scenarioJson(scenario), 'application/json');
        report(SHARE_MESSAGES.saved(fileName));
      },
    };
  }, [controller, store, report]);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
