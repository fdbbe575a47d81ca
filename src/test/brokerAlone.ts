// Test code, never shipped: the broker on its own, in-process on
// fake-indexeddb, with BrokerClients standing in for the services — for tests
// of what the broker itself does with publishes, acks and subscriptions.

import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Broker } from '../core/broker/broker';
import type { BrokerConfig } from '../core/broker/brokerConfig';
import { BrokerClient } from '../core/broker/brokerClient';
import { openBrokerDb, type BrokerDb } from '../core/broker/brokerDb';
import { SteppedClock, systemClock } from '../core/clock';
import { makeEvent, type CloudEvent } from '../core/envelope';
import { broadcastChannels } from '../core/transport';

const openChannel = broadcastChannels(BroadcastChannel as never);
let runs = 0;

export interface BrokerAlone {
  runId: string;
  broker: () => Broker;
  db: () => BrokerDb;
  /** A client for process `self` (a deterministic one when the broker is stepped). */
  client(self: string): BrokerClient;
  /** Stops the broker and starts a new one on the same database, as a crash and restart would. */
  restart(): Promise<Broker>;
  close(): void;
}

export async function brokerAlone(
  options: { stepped?: boolean; config?: Partial<BrokerConfig> } = {},
): Promise<BrokerAlone> {
  const runId = `alone${++runs}-${Date.now().toString(36)}`;
  const clock = options.stepped ? new SteppedClock() : null;
  const clients: BrokerClient[] = [];
  let db: BrokerDb;
  let broker: Broker;
  const start = async () => {
    db = openBrokerDb(runId, { indexedDB, IDBKeyRange });
    broker = new Broker({
      runId,
      db,
      openChannel,
      clock: clock ?? systemClock,
      emit: () => undefined,
      config: { logRetentionMs: null, ...options.config },
      stepped: clock ?? undefined,
    });
    await broker.start();
    return broker;
  };
  await start();
  return {
    runId,
    broker: () => broker,
    db: () => db,
    client(self) {
      const client = new BrokerClient({ self, runId, openChannel, stepClock: clock });
      clients.push(client);
      return client;
    },
    restart() {
      broker.stop();
      return start();
    },
    close() {
      for (const client of clients) client.close();
      broker.stop();
    },
  };
}

/** An event of `type` about `subject` (one subject: one partition). */
export function eventOf(id: string, type: string, subject = 'one'): CloudEvent {
  return makeEvent({ id, source: '/test', type, subject, time: new Date(0).toISOString(), data: {} });
}
