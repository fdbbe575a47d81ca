// Entry point of a service worker: builds one ServiceHost and exposes it.

import { BrokerClient } from '../core/broker/brokerClient';
import { SimClock, SteppedClock, systemClock, type SimTiming } from '../core/clock';
import type { CrashPoint } from '../core/crashPoints';
import type { ServiceName } from '../core/rows';
import type { ServiceConfig } from '../core/service/definition';
import { ServiceHost } from '../core/service/serviceHost';
import { SERVICES } from '../core/services';
import { serveWorker } from './workerEntry';
import { randomId, seededIds } from '../core/ids';
import type { ServiceStep } from '../core/service/serviceHost';
import type { ServiceStartOptions } from '../runtime/startOptions';
import { heldFaultsOver, openJetStream } from './openJetStream';

serveWorker<ServiceStartOptions>(async ({ init, openChannel, dexie, emit, stampFacts, die, fatal }) => {
  const def = SERVICES[init.process as ServiceName];
  const { options } = init;
  // Both sides measure real time with Date.now(), so the conductor's timing means the same here.
  const simClock = new SimClock(() => Date.now(), options.timing);
  const det = options.deterministic;
  const stepped = det ? new SteppedClock() : undefined;
  stepped?.set(det!.at);
  // Every fact carries when it happened: a step's time, or the live clock's (a crash's last commit then sorts before
  // the crash the page may hear of first).
  stampFacts(stepped ? () => stepped.now() : () => simClock.now());
  const newId = det ? seededIds(det.seed, det.salt) : randomId;
  const broker = options.nats
    ? heldFaultsOver(
        await openJetStream(init.runId, def.name, options.nats.url, emit),
        init.runId,
        def.name,
        emit,
      )
    : new BrokerClient({ self: def.name, runId: init.runId, openChannel, stepClock: stepped, newId });
  const host = new ServiceHost(def, {
    runId: init.runId,
    dexie,
    openChannel,
    broker,
    clock: systemClock,
    simClock,
    config: options.config,
    newId,
    emit,
    die,
    stepped,
  });
  // Opening waits while another connection holds an older version: say so rather than hang silently.
  host.db.on('blocked', () => fatal('IDB_BLOCKED', `${def.name}'s database is held open by another tab`));
  host.setPaused(options.paused);
  await host.start();
  return {
    command: (name: string, input: unknown) => host.command(name, input),
    arm: (point: CrashPoint, nth?: number) => host.arm(point, nth),
    disarm: () => host.disarm(),
    setPaused: (paused: boolean) => host.setPaused(paused),
    configure: (config: ServiceConfig) => host.configure(config),
    status: () => host.status(),
    dump: () => host.dump(),
    editRow: (table: string, row: Record<string, unknown>) => host.editRow(table, row),
    setTiming: (timing: SimTiming) => simClock.set(timing),
    step: (step: ServiceStep, at: number) => host.step(step, at),
    pending: () => host.pending(),
  };
});
