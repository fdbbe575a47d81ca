// Entry point of an event-sourced process (`orders` or `bank`, as init says):
// builds one EsHost once the conductor opens it, and exposes it.

import { EsHost } from '../core/eventsourcing/esHost';
import type { EsFact, EsStoreName } from '../core/eventsourcing/esTypes';
import type { TransferRequest } from '../core/eventsourcing/transfers';
import { reportAs } from './reportAs';
import { serveOnOpen } from './serveOnOpen';
import { steppedClockOf } from './steppedClockOf';
import type { EsStep } from '../core/eventsourcing/esSteps';

export interface EsOpenOptions {
  snapshotEvery: number;
}

serveOnOpen<EsHost, EsOpenOptions>(({ init, dexie, emit, die, fatal }) => {
  // The init message names the process; for this entry that is the store it keeps.
  const store = init.process as string as EsStoreName;
  const report = reportAs<EsFact>(emit);
  const stepped = steppedClockOf(init);
  return {
    name: store,
    build: ({ snapshotEvery }: EsOpenOptions) => {
      const host = new EsHost({
        runId: init.runId,
        store,
        dexie,
        now: () => (stepped ? stepped.now() : Date.now()),
        timer: () => performance.now(),
        snapshotEvery,
        emit: report,
        die,
        stepped,
      });
      host.db.on('blocked', () => fatal('IDB_BLOCKED', `${store}'s event store is held open by another tab`));
      return host;
    },
    start: (host) => host.start(),
    methods: (opened) => ({
      command: (id: string, command: unknown) => opened().command(id, command),
      transfer: (request: TransferRequest) => opened().transfer(request),
      transfersInFlight: () => opened().transfersInFlight(),
      stageRace: (orderId: string) => opened().stageRace(orderId),
      growOrder: (orderId: string, count: number) => opened().growOrder(orderId, count),
      version: (id: string) => opened().store.version(id),
      events: (id: string) => opened().events(id),
      stateAt: (id: string, version?: number, snapshots?: boolean) =>
        opened().stateAt(id, version, snapshots),
      loadStats: (id: string) => opened().loadStats(id),
      streams: () => opened().streams(),
      audit: () => opened().audit(),
      pending: () => opened().pending(),
      step: (step: EsStep, at: number) => opened().step(step, at),
    }),
  };
});
