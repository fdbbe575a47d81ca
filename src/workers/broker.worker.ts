// Entry point of the broker worker: the durable log in its own database.

import { Broker } from '../core/broker/broker';
import { openBrokerDb } from '../core/broker/brokerDb';
import type { BrokerOperations } from '../core/broker/brokerOperations';
import { dumpBroker, readLog } from '../core/broker/dump';
import { SimClock, SteppedClock, systemClock, type SimTiming } from '../core/clock';
import { serveWorker } from './workerEntry';
import { reportBrokerCommits, reportBrokerTables } from '../core/history/brokerFacts';
import type { BrokerStartOptions } from '../runtime/startOptions';

serveWorker<BrokerStartOptions>(async ({ init, openChannel, dexie, emit: send, stampFacts, fatal }) => {
  const { options } = init;
  // A deterministic link that asked for NATS runs here: every figure the broker reports says so, for its node.
  const carrier = options.natsAsked ? { kind: 'local' as const, natsAsked: options.natsAsked } : undefined;
  const emit: typeof send = carrier
    ? (fact) => send(fact.kind === 'broker' ? { ...fact, stats: { ...fact.stats, carrier } } : fact)
    : send;
  const db = openBrokerDb(init.runId, dexie);
  db.on('blocked', () => fatal('IDB_BLOCKED', "the broker's database is held open by another tab"));
  const stepped = options.deterministic ? new SteppedClock() : undefined;
  stepped?.set(options.deterministic!.at);
  // A live run's clock, when the conductor gives one: facts carry when they happened (see BrokerStartOptions).
  const simClock = options.timing ? new SimClock(() => Date.now(), options.timing) : undefined;
  if (stepped) stampFacts(() => stepped.now());
  else if (simClock) stampFacts(() => simClock.now());
  // Its database's commits are facts like a service's, so the run's history can rebuild the log at any moment.
  reportBrokerCommits(db, emit);
  const config = { logRetentionMs: options.logRetentionMs };
  const broker = new Broker({
    runId: init.runId,
    db,
    openChannel,
    clock: stepped ?? systemClock,
    emit,
    stepped,
    config,
  });
  await broker.start();
  await reportBrokerTables(db, emit);
  broker.setPaused(options.paused);
  // What the conductor and the canvas ask of this broker (the interface JetStream would implement too).
  return {
    setPaused: (paused: boolean) => broker.setPaused(paused),
    setTiming: (timing: SimTiming) => simClock?.set(timing),
    status: () => broker.status(),
    dump: () => dumpBroker(db, broker.stats()),
    log: () => readLog(db),
    duplicateNext: (group: string, type: string) => broker.faults.duplicateNext(group, type),
    refusePublishes: (publishes: number) => broker.faults.refusePublishes(publishes),
    delayNext: (group: string, type: string, ms: number) => broker.faults.delayNext(group, type, ms),
    clearFaults: () => broker.faults.clear(),
    deliverable: () => broker.deliverable(),
  } satisfies BrokerOperations;
});
