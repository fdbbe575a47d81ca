// Entry point of the event-sourced run's query service: builds one QueryHost
// (tailing the event stores at the pace it was started with), and exposes it.

import { systemClock } from '../core/clock';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsFact, ReadModelName } from '../core/eventsourcing/esTypes';
import { QueryHost } from '../core/eventsourcing/queryHost';
import type { EsQueryStartOptions } from '../runtime/startOptions';
import { retriedFailure } from './retriedFailure';
import { reportAs } from './reportAs';
import { serveHost } from './serveHost';
import { steppedClockOf } from './steppedClockOf';
import type { EsStep } from '../core/eventsourcing/esSteps';

serveHost<QueryHost, EsQueryStartOptions>(({ init, dexie, emit, stampFacts, die, fatal }) => {
  const report = reportAs<EsFact>(emit);
  const stepped = steppedClockOf(init.options, stampFacts);
  const host = new QueryHost({
    runId: init.runId,
    dexie,
    clock: stepped ?? systemClock,
    stepped,
    pace: ES_PACES[init.options.pace],
    emit: report,
    die,
    onError: retriedFailure(report, 'query: a projection batch failed and is retried'),
    // A page started before the option existed sends none: one transaction, as it always was.
    checkpointApart: init.options.checkpointApart ?? false,
  });
  host.db.on('blocked', () =>
    fatal('IDB_BLOCKED', "the query service's database is held open by another tab"),
  );
  return {
    host,
    // A deterministic run's projection batches are the scheduler's steps, not a loop's.
    start: (h) => h.start({ loop: !stepped }),
    methods: (h) => ({
      readModel: (name: ReadModelName) => h.readModel(name),
      orderSummary: (orderId: string) => h.orderSummary(orderId),
      lag: () => h.lag(),
      rebuild: (name: ReadModelName) => h.rebuild(name),
      pending: () => h.pending(),
      step: (step: EsStep, at: number) => h.step(step, at),
    }),
  };
});
