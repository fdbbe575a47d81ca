// What a run is set up as: every choice the playground offers, as one typed,
// versioned value a share link can carry. Pure data — the only place defaults
// and bounds live; parsing is validate.ts, links are link.ts, the columns of
// the rows a scenario may set are editableRows.ts.

import type { Fault } from '../faults/faultPlan';
import type { ServiceConfig } from '../service/definition';
import type { PaceName, RelayMode, SagaStyle } from '../vocabulary';
import type { DataEdit } from './editableRows';
import type { ServiceName } from '../rows';

/** Bumped only when an old link would mean something else; link.ts keeps a decoder for every version. */
export const SCENARIO_VERSION = 1;

export const ORDERINGS = ['messaging', 'direct-calls', 'two-phase-commit'] as const;
export type Ordering = (typeof ORDERINGS)[number];

export const PUBLISHINGS = ['outbox', 'dual-write'] as const satisfies readonly ServiceConfig['publishing'][];
export type Publishing = (typeof PUBLISHINGS)[number];

export { RELAY_MODES, SAGA_STYLES, type RelayMode } from '../vocabulary';

/** RunMode of src/runtime/controller.ts, spelled again because core may not import runtime. */
export const SCENARIO_MODES = ['live', 'deterministic'] as const;
export type ScenarioMode = (typeof SCENARIO_MODES)[number];

export interface Scenario {
  version: 1;
  ordering: Ordering;
  publishing: Publishing;
  sagaStyle: SagaStyle;
  inbox: boolean;
  idempotencyKeys: boolean;
  /** Saga participants refuse a step's command that arrives after they compensated it (see ServiceConfig). */
  semanticLocks: boolean;
  pace: PaceName;
  mode: ScenarioMode;
  /** Seeds the deterministic scheduler (and any random fault plan): a uint32. */
  seed: number;
  /** Orders a deterministic run places by itself before it is left alone. */
  orders: number;
  faults: Fault[];
  /** Business data the run starts with, as row edits applied before anything else (stock of a SKU set to 0, say). */
  data: DataEdit[];
  /** Simulation speed (saga timers; a deterministic run's steps per second scale with it). */
  speed: number;
  /** A deterministic run opens this many steps in: a position in time to share. */
  at: number;
  /** The library scenario whose narrative the guide shows ('' for none). */
  guide: string;
  /** The guide opens at this checkpoint (1 = its first question), its steps before it run; 0: at its start. */
  checkpoint: number;
  /** The processes of the run: see TOPOLOGIES. */
  topology: Topology;
  /** Event-sourced runs: a snapshot every N events of a stream (0: none). */
  snapshotEvery: number;
  /**
   * How each shop service's outbox reaches the broker: `polling` queries the outbox table and marks rows published;
   * `log-tailing` follows the database's change log, as Debezium's outbox event router does, and never writes the outbox.
   */
  relay: RelayMode;
  /** Which broker implementation carries the run's messages: see BROKERS. */
  broker: BrokerKind;
  /** The NATS server's WebSocket address (`ws://host:port` or `wss://…`) when `broker` is `nats`; '' otherwise. */
  natsUrl: string;
  /**
   * A workshop's split run: the services this browser runs (`[]`: the presenter, who runs none); null when this
   * browser runs every service of its run, as every run but a workshop does. Set together with `run`.
   */
  services: ServiceName[] | null;
  /**
   * The workshop run every join link lands in (`room-42`): it names the run's databases, its JetStream streams and
   * consumers, and its workshop subjects; '' for a run of this browser's own.
   */
  run: string;
}

/**
 * `local`: the durable log in its own worker and IndexedDB, with BroadcastChannel as the wire (zero setup, and
 * the only one deterministic runs use). `nats`: a NATS JetStream server reached over WebSocket at `natsUrl`
 * (a shop run, live; a deterministic link asking for it runs on the local broker and says so).
 */
export const BROKERS = ['local', 'nats'] as const;
export type BrokerKind = (typeof BROKERS)[number];

/**
 * shop: order, payment, inventory, shipping (+ orchestrator) and the broker.
 * event-sourced: orders, bank (event stores) and query (read models).
 * cdc: a legacy `listings` service that publishes nothing, a CDC `connector` tailing its change log,
 * the broker, and a `query` service whose search read model is fed by the change events.
 */
export const TOPOLOGIES = ['shop', 'event-sourced', 'cdc'] as const;
export type Topology = (typeof TOPOLOGIES)[number];

/** Inclusive bounds; the UI's inputs should take theirs from here so a link can always hold what the UI allows. */
export const SCENARIO_LIMITS = {
  seed: { min: 0, max: 0xffffffff },
  orders: { min: 0, max: 500 },
  faults: { max: 50 },
  crashNth: { min: 1, max: 1000 },
  /** How long a crashed process may be planned to stay down (simulation ms). */
  downMs: { min: 1, max: 600_000 },
  delayMs: { min: 1, max: 600_000 },
  outagePublishes: { min: 1, max: 1000 },
  slowFactor: { min: 2, max: 100 },
  eventTypeLength: { max: 64 },
  /** Row edits; `keyLength` bounds a row's key (a SKU, a customer id), `amount` its credit, stock and counts. */
  data: { max: 20, keyLength: 64, amount: { min: 0, max: 1e15 } },
  speed: { min: 0.25, max: 20 },
  at: { min: 0, max: 50_000 },
  guide: { max: 40 },
  checkpoint: { min: 0, max: 20 },
  snapshotEvery: { min: 0, max: 10_000 },
  natsUrl: { max: 200 },
  run: { max: 32 },
} as const;

/** A workshop run's name: lower-case letters and digits, dashes between them (it names databases and NATS subjects). */
export const RUN_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * A NATS server's WebSocket address: `ws://` or `wss://`, a host name, IPv4 or [IPv6] address, an optional
 * port and path; no credentials, query or spaces (a link must not carry a password or text of its choosing).
 */
export const NATS_URL_PATTERN =
  /^wss?:\/\/(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/;

/** An event type name as the services spell them (`OrderCreated`): also keeps link text free of markup. */
export const EVENT_TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The playground as it opens. A link carries only what differs from this, so
 * changing a default changes what old links mean: add a scenario version instead.
 */
export const DEFAULT_SCENARIO: Readonly<Scenario> = Object.freeze({
  version: 1,
  ordering: 'messaging',
  publishing: 'outbox',
  sagaStyle: 'choreography',
  inbox: true,
  idempotencyKeys: true,
  semanticLocks: true,
  pace: 'teaching',
  mode: 'live',
  seed: 1,
  orders: 0,
  // Frozen too: a caller pushing onto the default's faults would change every later run.
  faults: Object.freeze<Fault[]>([]) as Fault[],
  data: Object.freeze<DataEdit[]>([]) as DataEdit[],
  speed: 1,
  at: 0,
  guide: '',
  checkpoint: 0,
  topology: 'shop',
  snapshotEvery: 100,
  relay: 'polling',
  broker: 'local',
  natsUrl: '',
  services: null,
  run: '',
});
