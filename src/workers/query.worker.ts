// Entry point of the query service: builds one QueryHost once the conductor
// opens it (with the pace to tail the event stores at), and exposes it.

import { systemClock } from '../core/clock';
import type { CrashPoint } from '../core/crashPoints';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsFact, ReadModelName } from '../core/eventsourcing/esTypes';
import { QueryHost } from '../core/eventsourcing/queryHost';
import type { PaceName } from '../core/service/pace';
import { ERRORS } from '../runtime/errors';
import { serveWorker } from './workerEntry';

export interface QueryOpenOptions {
  pace: PaceName;
}

serveWorker(async ({ init, dexie, emit, die, fatal }) => {
  // The telemetry channel carries whatever a process reports; the event-sourced conductor reads these as EsFact.
  const report = emit as unknown as (fact: EsFact) => void;
  let host: QueryHost | null = null;
  const opened = (): QueryHost => {
    if (!host) throw new Error('query is not open yet');
    return host;
  };
  return {
    // Options the shop's init message has no field for arrive in this first call.
    open: async ({ pace }: QueryOpenOptions) => {
      host = new QueryHost({
        runId: init.runId,
        dexie,
        clock: systemClock,
        pace: ES_PACES[pace],
        emit: report,
        die,
        onError: (error) => report({ kind: 'error', code: ERRORS.PROCESS_FAILED.code, message: `query: a projection batch failed and is retried (${String((error as Error)?.message ?? error)})` }),
      });
      host.db.on('blocked', () => fatal('IDB_BLOCKED', "the query service's database is held open by another tab"));
      await host.start();
    },
    readModel: (name: ReadModelName) => opened().readModel(name),
    orderSummary: (orderId: string) => opened().orderSummary(orderId),
    lag: () => opened().lag(),
    rebuild: (name: ReadModelName) => opened().rebuild(name),
    arm: (point: CrashPoint, nth?: number) => opened().arm(point, nth),
    disarm: () => opened().disarm(),
  };
});
