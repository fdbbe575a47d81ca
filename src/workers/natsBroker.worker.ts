// Entry point of a shop run's broker process on NATS: no log of its own (the
// services publish to and consume from JetStream themselves), but the run's
// layout (every group's durable consumers, made before any service starts)
// and the reader of JetStream's figures — reported for the canvas, asked by the conductor
// for what is owed, the checker's dump and the exports' log — and the count
// of republishes the duplicate window dropped, as the services report them;
// and the holder of the run's broker faults, which the services' fault layers
// take over NATS (see sharedFaults.ts).

import { wsconnect } from '@nats-io/nats-core';
import { JetStreamPort } from '../core/broker/nats/JetStreamPort';
import { JetStreamReader, type RunFigures } from '../core/broker/nats/jetStreamDump';
import { ensureRun } from '../core/broker/nats/natsAdmin';
import { FaultHolder } from '../core/broker/nats/sharedFaults';
import { unavailable } from '../core/broker/nats/natsErrors';
import { SERVICES } from '../core/services';
import { topicUnder } from '../core/service/topics';
import type { BrokerStats, Fact } from '../core/telemetry';
import { channelNames } from '../core/transport';
import type { NatsBrokerStartOptions } from '../runtime/startOptions';
import { RUN_JETSTREAM_CONFIG, unreachable } from './openJetStream';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';
import { serveWorker } from './workerEntry';

/** How often JetStream's figures are read for the canvas. */
const FIGURES_EVERY_MS = 500;

serveWorker<NatsBrokerStartOptions>(async ({ init, openChannel, emit }) => {
  const { url } = init.options.nats;
  let port: JetStreamPort;
  try {
    port = await JetStreamPort.open({
      runId: init.runId,
      servers: url,
      connect: wsconnect,
      name: `${init.runId}/broker`,
      config: RUN_JETSTREAM_CONFIG,
    });
  } catch (error) {
    throw unreachable(error);
  }
  // Every group's durable consumers exist before its service first starts: what it owes is counted from the
  // start, and a service that comes up late (or is down) finds its records waiting.
  const { services, relay } = init.options;
  const groups = services.map((group) => ({
    group,
    topics: SERVICES[group].consumes.map((topic) => topicUnder(topic, relay)),
  }));
  try {
    await ensureRun(port.manager, { runId: init.runId, topics: [], groups }, port.config);
  } catch (error) {
    port.close();
    throw unreachable(unavailable('laying out the run on JetStream', error, port.config.requestTimeoutMs));
  }
  const reader = new JetStreamReader(port.manager, init.runId);
  let paused = init.options.paused;
  let dedupDropped = 0;
  openChannel(channelNames(init.runId).telemetry).onMessage((batch) => {
    for (const fact of batch as Fact[]) if (fact.kind === 'broker-duplicate') dedupDropped++;
  });

  const stats = (figures: RunFigures): BrokerStats =>
    JetStreamReader.stats(figures, { paused, url, dedupDropped });
  const failed = retriedFailure(
    reportAs(emit),
    'broker: reading JetStream’s figures failed; it is tried again',
  );
  let shown = '';
  let failing = false;
  const report = async () => {
    try {
      const now = stats(await reader.figures());
      failing = false;
      const text = JSON.stringify(now);
      if (text !== shown) emit({ kind: 'broker', stats: now });
      shown = text;
    } catch (error) {
      // Said once per outage: the client reconnects by itself, and the figures come back with it.
      if (!failing) failed(error);
      failing = true;
    }
  };
  await report();
  setInterval(() => void report(), FIGURES_EVERY_MS);

  // Named apart from the holders of other browsers of a workshop, each of which has a broker process of its own.
  const faults = new FaultHolder(port.connection, init.runId, crypto.randomUUID());
  return {
    setPaused: (value: boolean) => void (paused = value),
    /** What JetStream still owes: records some group has not acknowledged (a publish is durable once confirmed). */
    status: async () => ({ lag: JetStreamReader.lag(await reader.figures()), pendingWrites: 0 }),
    dump: async () => {
      const figures = await reader.figures();
      return reader.dump(figures, stats(figures));
    },
    log: async () => reader.log(await reader.figures()),
    // A live run only: a deterministic run stays on the local broker.
    deliverable: () => [],
    duplicateNext: (group: string, type: string) => faults.change((f) => f.duplicateNext(group, type)),
    refusePublishes: (publishes: number) => faults.change((f) => f.refusePublishes(publishes)),
    delayNext: (group: string, type: string, ms: number) =>
      faults.change((f) => f.delayNext(group, type, ms)),
    clearFaults: () => faults.change((f) => f.clear()),
  };
});
