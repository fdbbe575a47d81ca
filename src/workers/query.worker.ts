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

export interface QueryOpenOptions {
  pace: PaceName;
}

serveOnOpen<QueryHost, QueryOpenOptions>(({ init, dexie, emit, die, fatal }) => {
  const report = reportAs<EsFact>(emit);
  return {
    name: 'query',
    build: ({ pace }: QueryOpenOptions) => {
      const host = new QueryHost({
        runId: init.runId,
        dexie,
        clock: systemClock,
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
    start: (host) => host.start(),
    methods: (opened) => ({
      readModel: (name: ReadModelName) => opened().readModel(name),
      orderSummary: (orderId: string) => opened().orderSummary(orderId),
      lag: () => opened().lag(),
      rebuild: (name: ReadModelName) => opened().rebuild(name),
    }),
  };
});
