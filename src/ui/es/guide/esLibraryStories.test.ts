// The guide's event-sourced stories told to their end on a real run (its
// hosts in this process, see src/test/inProcessEsController.ts), the page's
// stores wired as the page wires them: each ends with the verdict of the real
// checker that its library entry expects.

import { afterEach, describe, expect, it } from 'vitest';
import { EVENT_SOURCING_SCENARIOS } from '../../../core/scenario/library/eventSourcing';
import type { EsEvent } from '../../../runtime/esController';
import { createInProcessEsController, type InProcessEsController } from '../../../test/inProcessEsController';
import { connectEs } from '../connectEs';
import { createEsFactsStore, createEsViewStore } from '../esStore';
import { performEsAction } from './esNarrativeActions';

let run: InProcessEsController | undefined;
afterEach(() => run?.dispose());

describe('the event-sourced library stories, on a real run', () => {
  for (const entry of EVENT_SOURCING_SCENARIOS)
    it(`tells “${entry.title}” to its end, with the verdict its entry expects`, async () => {
      run = await createInProcessEsController({ scenario: entry.scenario });
      const events: EsEvent[] = [];
      run.subscribe((batch) => events.push(...batch));
      const facts = createEsFactsStore();
      const view = createEsViewStore('guide');
      const disconnect = connectEs(run, facts, 50);
      const notes: (string | null)[] = [];
      for (const step of entry.narrative)
        if (step.do) notes.push(await performEsAction(step.do, { controller: run, facts, view }));
      await run.settle();
      disconnect();
      expect(run.anomalies().map((a) => a.invariant)).toEqual(entry.expect);
      const crashed = events.filter((e) => e.kind === 'crashed').map((e) => `${e.process} at ${e.point}`);
      if (entry.id === 'es-bank') {
        expect(crashed).toEqual(['bank at transfer-after-debit-before-credit']);
        expect(notes).toContain(
          'The bank went down before the transfer completed: its events say how far it got.',
        );
      }
      if (entry.id === 'es-rebuild-read-model')
        expect(crashed).toEqual(['query at projection-before-checkpoint-commit']);
    });
});
