// What each topology is made of and what of a scenario it honours: its processes, which of them consume from a
// broker, the crash points each reaches, the settings it reads. Data only, read by the scenario's cross-field
// checks (topologyFit.ts) so a link cannot ask a run for something it would silently ignore; the topology
// registry can own this table later without the checks changing.

import type { CrashPoint } from '../crashPoints';
import { CDC_CRASH_POINTS } from '../cdc/cdcTypes';
import { ES_CRASH_POINTS } from '../eventsourcing/esTypes';
import type { Fault } from '../faults/faultPlan';
import type { EditableService } from './editableRows';
import type { BrokerKind, Scenario, Topology } from './scenario';

export interface ProcessFacts {
  /** Where a planned crash of this process can fire; it never reaches any other point. */
  crashPoints: readonly CrashPoint[];
  /** It consumes from the broker as the group of its own name, so duplicates, delays and slowness can aim at it. */
  consumerGroup: boolean;
  /** The process exists only in runs with these settings (the orchestrator: orchestrated sagas only). */
  onlyWhen?: Partial<Pick<Scenario, 'sagaStyle'>>;
}

/** The shop's own switches: how its services order a purchase, publish, run sagas and guard against duplicates. */
const SHOP_SWITCHES = [
  'ordering',
  'publishing',
  'sagaStyle',
  'inbox',
  'idempotencyKeys',
  'semanticLocks',
  'relay',
] as const;

/**
 * Settings that only some topologies read; every topology reads the others (pace, mode, seed, orders, speed, at,
 * guide). The broker and its address are checked apart, against `brokers` (topologyFit.ts's brokerProblems).
 */
export const TOPOLOGY_SETTINGS = [...SHOP_SWITCHES, 'snapshotEvery'] as const;
export type TopologySetting = (typeof TOPOLOGY_SETTINGS)[number];

export type BrokerFaultKind = Exclude<Fault['kind'], 'crash'>;

export interface TopologyFacts {
  /** How a sentence names a run of this topology: "an event-sourced run". */
  runName: string;
  processes: Readonly<Record<string, ProcessFacts>>;
  /** Its broker process, if it has one: a guide may restart it like any other process. */
  broker?: string;
  /** The broker implementations (BROKERS) this run can carry its messages on; none when it has no broker. */
  brokers: readonly BrokerKind[];
  /** The broker faults this run carries out; none when it has no broker. */
  brokerFaults: readonly BrokerFaultKind[];
  /** The settings of TOPOLOGY_SETTINGS this run reads; any other must keep its default value. */
  honours: readonly TopologySetting[];
  /** The services whose business rows a scenario's `data` may set. */
  dataServices: readonly EditableService[];
  /**
   * Its services can be split across the browsers of a workshop (a link's `services` and `run`): each browser runs
   * some and reaches the others through the NATS server, so it needs a broker every browser can reach.
   */
  splitsAcrossBrowsers: boolean;
}

/** The points every shop service reaches when it messages: its own transaction, outbox relay and consumer. */
const MESSAGING: readonly CrashPoint[] = [
  'before-commit',
  'after-commit-before-publish',
  'relay-after-publish-before-mark',
  'consumer-after-commit-before-ack',
];

const SHOP_SERVICE: ProcessFacts = { crashPoints: MESSAGING, consumerGroup: true };

export const TOPOLOGY_FACTS: Readonly<Record<Topology, TopologyFacts>> = {
  // A shop process's points are those of every approach (messaging, direct calls, 2PC, dual write): a
  // comparison runs one fault plan under two approaches, so a point only the other one reaches stays allowed.
  shop: {
    runName: 'a shop run',
    processes: {
      // The order service is also the caller of direct calls and the two-phase-commit coordinator.
      order: {
        crashPoints: [...MESSAGING, 'direct-after-charge', 'coordinator-after-prepare'],
        consumerGroup: true,
      },
      payment: SHOP_SERVICE,
      inventory: SHOP_SERVICE,
      shipping: SHOP_SERVICE,
      orchestrator: { ...SHOP_SERVICE, onlyWhen: { sagaStyle: 'orchestration' } },
    },
    broker: 'broker',
    // On nats only in a live run: a deterministic one stays on the local broker (the conductor says so).
    brokers: ['local', 'nats'],
    brokerFaults: ['duplicate', 'delay', 'broker-outage', 'slow'],
    honours: SHOP_SWITCHES,
    dataServices: ['payment', 'inventory', 'shipping'],
    splitsAcrossBrowsers: true,
  },
  // Event stores and a query service that tails them: no broker, so no broker fault has anywhere to happen.
  'event-sourced': {
    runName: 'an event-sourced run',
    processes: {
      orders: { crashPoints: ES_CRASH_POINTS.orders, consumerGroup: false },
      bank: { crashPoints: ES_CRASH_POINTS.bank, consumerGroup: false },
      query: { crashPoints: ES_CRASH_POINTS.query, consumerGroup: false },
    },
    brokers: [],
    brokerFaults: [],
    // Its query service's inbox: each projection batch's checkpoint commits with the batch.
    honours: ['snapshotEvery', 'inbox'],
    dataServices: [],
    // Its stores and query service talk within one browser: nothing of it goes through a server.
    splitsAcrossBrowsers: false,
  },
  // A slow consumer is a shop run's (its scheduler and live consumers read it); this broker does the rest.
  cdc: {
    runName: 'a change-data-capture run',
    processes: {
      listings: { crashPoints: CDC_CRASH_POINTS.listings, consumerGroup: false },
      connector: { crashPoints: CDC_CRASH_POINTS.connector, consumerGroup: false },
      query: { crashPoints: CDC_CRASH_POINTS.query, consumerGroup: true },
    },
    broker: 'broker',
    // Its connector and search service are not wired to JetStream yet (issue 18): the local broker only.
    brokers: ['local'],
    brokerFaults: ['duplicate', 'delay', 'broker-outage'],
    // Its query service's inbox: the listings' history skips a change its stream already holds.
    honours: ['inbox'],
    dataServices: [],
    // It runs on the local broker only, which lives in one browser.
    splitsAcrossBrowsers: false,
  },
};
