// Runs the broker and services in-process on fake-indexeddb and Node's own
// BroadcastChannel: the same core code the workers run, without a browser.

import { reportBrokerCommits, reportBrokerTables } from '../core/history/brokerFacts';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { Broker } from '../core/broker/broker';
import type { BrokerConfig } from '../core/broker/brokerConfig';
import { BrokerClient } from '../core/broker/brokerClient';
import { openBrokerDb } from '../core/broker/brokerDb';
import { dumpBroker, type BrokerDump } from '../core/broker/dump';
import { SteppedClock, systemClock } from '../core/clock';
import { seededIds } from '../core/ids';
import type { CrashPoint } from '../core/crashPoints';
import type { ServiceName } from '../core/rows';
import type { ServiceConfig, ServiceDefinition } from '../core/service/definition';
import { PACES } from '../core/service/pace';
import { ServiceHost } from '../core/service/serviceHost';
import { dumpTables, openServiceDb } from '../core/service/serviceDb';
import { SERVICES } from '../core/services';
import type { Fact } from '../core/telemetry';
import { broadcastChannels } from '../core/transport';
import { waitForQuiet } from '../core/quiet';

const dexie = { indexedDB, IDBKeyRange };
const openChannel = broadcastChannels(BroadcastChannel as never);
let runs = 0;
let ids = 0;

export interface Harness {
  runId: string;
  facts: Fact[];
  broker(): Broker;
  brokerDown(): boolean;
  service(name: ServiceName): ServiceHost;
  startBroker(config?: Partial<BrokerConfig>): Promise<Broker>;
  startService(def: ServiceDefinition | ServiceName, config?: Partial<ServiceConfig>): Promise<ServiceHost>;
  /** Kills a process where it stands, as terminating its worker would. */
  kill(name: ServiceName | 'broker'): void;
  arm(name: ServiceName, point: CrashPoint, nth?: number): void;
  /** The broker's database as a snapshot sees it (works while the broker is down). */
  readBroker(): Promise<BrokerDump>;
  /** Reads a service's tables through a fresh connection, as recovery would (works while it is down). */
  read(name: ServiceName): Promise<Record<string, Record<string, unknown>[]>>;
  settle(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** `seed`: a deterministic run — processes do only what a scheduler grants, with seeded ids and stepped clocks. */
export function createHarness(options: { seed?: number } = {}): Harness {
  const runId = `test${++runs}-${Date.now().toString(36)}`;
  const stepped = options.seed !== undefined;
  const incarnations = new Map<string, number>();
  const newIds = (name: string) => {
    const life = (incarnations.get(name) ?? 0) + 1;
    incarnations.set(name, life);
    return stepped ? seededIds(options.seed!, `${name}/${life}`) : (prefix: string) => `${prefix}-${++ids}`;
  };
  const facts: Fact[] = [];
  const services = new Map<string, ServiceHost>();
  let broker: Broker | null = null;
  let brokerStopped = false;

  const harness: Harness = {
    runId,
    facts,
    broker: () => broker!,
    brokerDown: () => !broker || brokerStopped,
    service: (name) => services.get(name)!,
    async startBroker(config) {
      const clock = stepped ? new SteppedClock() : systemClock;
      const db = openBrokerDb(runId, dexie);
      reportBrokerCommits(db, (f) => facts.push(f));
      broker = new Broker({
        runId,
        db,
        openChannel,
        clock,
        emit: (f) => facts.push(f),
        config,
        stepped: stepped ? (clock as SteppedClock) : undefined,
      });
      brokerStopped = false;
      await broker.start();
      await reportBrokerTables(db, (f) => facts.push(f));
      return broker;
    },
    async startService(defOrName, config) {
      const def = typeof defOrName === 'string' ? SERVICES[defOrName] : defOrName;
      const clock = stepped ? new SteppedClock() : undefined;
      const newId = newIds(def.name);
      const host: ServiceHost = new ServiceHost(def, {
        runId,
        dexie,
        openChannel,
        broker: new BrokerClient({ self: def.name, runId, openChannel, stepClock: clock, newId }),
        clock: systemClock,
        config: { ...PACES.fast, ...config },
        newId,
        stepped: clock,
        emit: (f) => facts.push(f),
        die: (point) => {
          facts.push({ kind: 'crashed', process: def.name, point });
          host.stop();
        },
      });
      services.set(def.name, host);
      await host.start();
      return host;
    },
    kill(name) {
      if (name === 'broker') {
        brokerStopped = true;
        broker?.stop();
      } else services.get(name)?.stop();
    },
    arm(name, point, nth) {
      services.get(name)!.arm(point, nth);
    },
    async readBroker() {
      const db = openBrokerDb(runId, dexie);
      try {
        return await dumpBroker(db, { partitions: [], groups: [], deadLetters: 0, paused: false });
      } finally {
        db.close();
      }
    },
    async read(name) {
      const db = openServiceDb(runId, name, SERVICES[name].tables, dexie);
      try {
        return await dumpTables(db);
      } finally {
        db.close();
      }
    },
    settle(timeoutMs = 10_000) {
      return waitForQuiet(
        async () => {
          if (!broker || brokerStopped) return 'broker is down';
          const { lag, pendingWrites } = broker.status();
          if (lag || pendingWrites) return `broker owes ${lag + pendingWrites}`;
          for (const s of services.values()) {
            if (s.crash.dead) continue;
            const { unpublished, busy, timers } = await s.status();
            if (unpublished || busy || timers) return `${s.def.name} owes ${unpublished + busy + timers}`;
          }
          return null;
        },
        timeoutMs,
        3,
        30,
      );
    },
    close() {
      for (const s of services.values()) if (!s.crash.dead) s.stop();
      if (broker && !brokerStopped) broker.stop();
    },
  };
  return harness;
}
