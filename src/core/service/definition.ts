// What a service is, as data plus handlers: its tables, the topics it reads,
// and what it does with each event or command. Handlers only touch their own
// tables through the context and emit events; the host wraps each call in one
// transaction with the inbox and outbox, so a handler cannot half-happen.

import type { SagaStyle } from '../vocabulary';
import type { Table } from 'dexie';
import type { CloudEvent } from '../envelope';
import type { ServiceName } from '../rows';
import type { CrashPoint } from '../crashPoints';
import type { RelayMode } from '../scenario/scenario';
import type { RowKey } from './readAhead';

export interface ServiceConfig {
  relay: {
    /** Pause between polls of the outbox (a teaching pace; not a floor when woken on commit). */
    intervalMs: number;
    batchSize: number;
    /** Wake the relay as soon as a transaction writes outbox rows. */
    wakeOnCommit: boolean;
    /**
     * polling: query the outbox table for unpublished rows and record them published (a watermark in meta).
     * log-tailing: follow the database's change log from a stored position (Debezium's outbox event router);
     * the outbox is never written to after the insert.
     */
    mode: RelayMode;
  };
  consumer: {
    /** Pause before handling each delivered batch, so people can watch messages wait. */
    delayMs: number;
    /** Deliveries handled in one transaction. */
    batchSize: number;
  };
  inbox: boolean;
  idempotencyKeys: boolean;
  /**
   * A participant that compensated a saga step refuses that step's late commands (a durable marker written with the
   * compensation). Off: the "before" behaviour, where a command that arrives after its compensation is carried out.
   */
  semanticLocks: boolean;
  /**
   * outbox: events are written to the outbox in the business transaction and relayed.
   * dual-write: the "before" approach — commit, then publish straight to the broker; a crash in between loses the event.
   */
  publishing: 'outbox' | 'dual-write';
  /** Choreography: services react to each other's events. Orchestration: they obey the orchestrator's commands. */
  sagaStyle: SagaStyle;
  /** How long published outbox rows and acknowledged broker records are kept before they are pruned (absent: for ever). */
  retention?: Retention;
}

export interface Retention {
  /** A published outbox row is deleted once it has been published this long (polling relay). */
  publishedOutboxMs: number;
  /** A log record is deleted once every consumer group has acknowledged it and it is this old. */
  brokerLogMs: number;
}

export type { SagaStyle } from '../vocabulary';

export interface HandlerContext {
  /** Wall-clock time, for timestamps people read. */
  readonly now: number;
  /** Simulation time: stands still while paused, runs faster when sped up. Deadlines use it. */
  readonly simNow: number;
  /** For a delivered message: how many times it has been handed over (1 = first delivery). */
  readonly attempt: number;
  readonly config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  table<T>(name: string): Table<T, any>;
  /** A row of a reference table (the definition's `reference`): read once per process, kept current on commit. */
  reference<T>(table: string, key: string): Promise<T | undefined>;
  /** Writes an outbox row in the current transaction (aggregatetype defaults to the service's). */
  emit(type: string, aggregateid: string, payload: object, aggregatetype?: string): void;
  newId(prefix: string): string;
}

export type EventHandler = (ctx: HandlerContext, event: CloudEvent) => Promise<string>;
export type CommandHandler = (ctx: HandlerContext, input: unknown) => Promise<unknown>;

/** A procedure spans several local transactions and synchronous calls: the "before" approaches use them. */
export interface ProcedureContext {
  transaction<T>(work: (ctx: HandlerContext) => Promise<T>): Promise<T>;
  call<T>(service: ServiceName, endpoint: string, ...args: unknown[]): Promise<T>;
  crashPoint(point: CrashPoint): void;
  /** Real-time pause between polls (a participant waiting for a lock). */
  sleep(ms: number): Promise<void>;
}

export type Procedure = (p: ProcedureContext, input: unknown) => Promise<unknown>;

export interface ServiceDefinition {
  name: ServiceName;
  /** Outbox rows carry it; the topic is derived from it. */
  aggregateType: string;
  /** Dexie schema of the business tables. */
  tables: Record<string, string>;
  consumes: string[];
  handlers: Record<string, EventHandler>;
  /**
   * Per event type, the rows its handler will read by key: a consumer batch fetches them all at once before its
   * handlers run (readAhead.ts). A guess, never a promise: a row guessed wrong costs one read, never a stale one.
   */
  readAhead?: Record<string, (event: CloudEvent) => RowKey[]>;
  /** Handles any event type without a handler of its own (the orchestrator's replies). */
  fallback?: EventHandler;
  commands?: Record<string, CommandHandler>;
  /** Multi-step commands that call other services directly (no messaging). */
  procedures?: Record<string, Procedure>;
  /** What other services may call synchronously. */
  endpoints?: Record<string, Procedure>;
  /** Runs once after every start, before messages flow (a 2PC coordinator's recovery). */
  recover?: Procedure;
  /** Rows a fresh database starts with (the stock levels, say). */
  seed?: (ctx: HandlerContext) => Promise<void>;
  /** Tables every handler reads and almost nothing writes (settings, regions): served from memory, see referenceCache.ts. */
  reference?: string[];
  /** Quantities that only move, never appear or vanish (credit, stock): baselines are kept for the checker. */
  conserved?: Record<string, string[]>;
  /** Business-data tables a user may edit from the UI, so failures happen because the data says so. */
  editable?: string[];
  /** Periodic work in its own transaction (the orchestrator's timers). */
  tick?: {
    intervalMs: number;
    run: (ctx: HandlerContext) => Promise<void>;
    /** Where the next deadline is indexed, so a deterministic run can jump its clock straight to it. */
    due?: { table: string; index: string };
  };
}
