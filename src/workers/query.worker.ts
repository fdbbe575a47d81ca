// Entry point of the event-sourced run's query service: builds one QueryHost
// (tailing the event stores at the pace it was started with), and exposes it.

import { systemClock } from '../core/clock';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsFact, ReadModelName } from '../core/eventsourcing/esTypes';
import { QueryHost } from '../core/eventsourcing/queryHost';
import type { PacedStartOptions } from '../runtime/startOptions';
import { retriedFailure } from './retriedFailure';
import { reportAs } from './reportAs';
import { serveHost } from './serveHost';

serveHost<QueryHost, PacedStartOptions>(({ init, dexie, emit, die, fatal }) => {
  const report = reportAs<EsFact>(emit);
  const host = new QueryHost({
    runId: init.runId,
    dexie,
    clock: systemClock,
    pace: ES_PACES[init.options.pace],
    emit: report,
    die,
    onError: retriedFailure(report, 'query: a projection batch failed and is retried'),
  });
  host.db.on('blocked', () =>
    fatal('IDB_BLOCKED', "the query service's database is held open by another tab"),
  );
  return {
    host,
    start: (h) => h.start(),
    methods: (h) => ({
      readModel: (name: ReadModelName) => h.readModel(name),
      orderSummary: (orderId: string) => h.orderSummary(orderId),
      lag: () => h.lag(),
      rebuild: (name: ReadModelName) => h.rebuild(name),
    }),
  };
});
