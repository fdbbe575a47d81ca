// Entry point of the query service: builds one QueryHost once the conductor
// opens it (with the pace to tail the event stores at), and exposes it.

import { systemClock } from '../core/clock';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsFact, ReadModelName } from '../core/eventsourcing/esTypes';
import { QueryHost } from '../core/eventsourcing/queryHost';
import type { PaceName } from '../core/service/pace';
import { retriedFailure } from './retriedFailure';
import { reportAs } from './reportAs';
import { serveOnOpen } from './serveOnOpen';
import { steppedClockOf } from './steppedClockOf';
import type { EsStep } from '../core/eventsourcing/esSteps';

export interface QueryOpenOptions {
  pace: PaceName;
}

serveOnOpen<QueryHost, QueryOpenOptions>(({ init, dexie, emit, die, fatal }) => {
  const report = reportAs<EsFact>(emit);
  const stepped = steppedClockOf(init);
  return {
    name: 'query',
    build: ({ pace }: QueryOpenOptions) => {
      const host = new QueryHost({
        runId: init.runId,
        dexie,
        clock: stepped ?? systemClock,
        stepped,
        pace: ES_PACES[pace],
        emit: report,
        die,
        onError: retriedFailure(report, 'query: a projection batch failed and is retried'),
      });
      host.db.on('blocked', () =>
        fatal('IDB_BLOCKED', "the query service's database is held open by another tab"),
      );
      return host;
    },
    // A deterministic run's projection batches are the scheduler's steps, not a loop's.
    start: (host) => host.start({ loop: !stepped }),
    methods: (opened) => ({
      readModel: (name: ReadModelName) => opened().readModel(name),
      orderSummary: (orderId: string) => opened().orderSummary(orderId),
      lag: () => opened().lag(),
      rebuild: (name: ReadModelName) => opened().rebuild(name),
      pending: () => opened().pending(),
      step: (step: EsStep, at: number) => opened().step(step, at),
    }),
  };
});
