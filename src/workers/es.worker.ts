// Entry point of an event-sourced process (`orders` or `bank`, as the start
// message says): builds one EsHost with the options it was started with, and
// exposes it.

import { EsHost } from '../core/eventsourcing/esHost';
import type { EsFact, EsStoreName } from '../core/eventsourcing/esTypes';
import type { TransferRequest } from '../core/eventsourcing/transfers';
import type { EsStoreStartOptions } from '../runtime/startOptions';
import { reportAs } from './reportAs';
import { serveHost } from './serveHost';
import { steppedClockOf } from './steppedClockOf';
import type { EsStep } from '../core/eventsourcing/esSteps';

serveHost<EsHost, EsStoreStartOptions>(({ init, dexie, emit, stampFacts, die, fatal }) => {
  // The start message names the process; for this entry that is the store it keeps.
  const store = init.process as EsStoreName;
  const stepped = steppedClockOf(init.options, stampFacts);
  const host = new EsHost({
    runId: init.runId,
    store,
    dexie,
    now: () => (stepped ? stepped.now() : Date.now()),
    timer: () => performance.now(),
    snapshotEvery: init.options.snapshotEvery,
    emit: reportAs<EsFact>(emit),
    die,
    stepped,
  });
  host.db.on('blocked', () => fatal('IDB_BLOCKED', `${store}'s event store is held open by another tab`));
  return {
    host,
    start: (h) => h.start(),
    methods: (h) => ({
      command: (id: string, command: unknown) => h.command(id, command),
      transfer: (request: TransferRequest) => h.transfer(request),
      transfersInFlight: () => h.transfersInFlight(),
      stageRace: (orderId: string) => h.stageRace(orderId),
      growOrder: (orderId: string, count: number) => h.growOrder(orderId, count),
      version: (id: string) => h.store.version(id),
      events: (id: string) => h.events(id),
      stateAt: (id: string, version?: number, snapshots?: boolean) => h.stateAt(id, version, snapshots),
      loadStats: (id: string) => h.loadStats(id),
      streams: () => h.streams(),
      audit: () => h.audit(),
      pending: () => h.pending(),
      step: (step: EsStep, at: number) => h.step(step, at),
    }),
  };
});
