// What a service is, as data plus handlers: its tables, the topics it reads,
// and what it does with each event or command. Handlers only touch their own
// tables through the context and emit events; the host wraps each call in one
// transaction with the inbox and outbox, so a handler cannot half-happen.

import type { Table } from 'dexie';
import type { CloudEvent } from '../envelope';
import type { ServiceName } from '../rows';

export interface ServiceConfig {
  relay: {
    /** Pause between polls of the outbox (a teaching pace; not a floor when woken on commit). */
    intervalMs: number;
    batchSize: number;
    /** Wake the relay as soon as a transaction writes outbox rows. */
    wakeOnCommit: boolean;
  };
  consumer: {
    /** Pause before handling each delivered batch, so people can watch messages wait. */
    delayMs: number;
    /** Deliveries handled in one transaction. */
    batchSize: number;
  };
  inbox: boolean;
  idempotencyKeys: boolean;
}

export interface HandlerContext {
  readonly now: number;
  readonly config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  table<T>(name: string): Table<T, any>;
  /** Writes an outbox row in the current transaction. */
  emit(type: string, aggregateid: string, payload: object): void;
  newId(prefix: string): string;
}

export type EventHandler = (ctx: HandlerContext, event: CloudEvent) => Promise<string>;
export type CommandHandler = (ctx: HandlerContext, input: unknown) => Promise<unknown>;

export interface ServiceDefinition {
  name: ServiceName;
  /** Outbox rows carry it; the topic is derived from it. */
  aggregateType: string;
  /** Dexie schema of the business tables. */
  tables: Record<string, string>;
  consumes: string[];
  handlers: Record<string, EventHandler>;
  commands?: Record<string, CommandHandler>;
  /** Rows a fresh database starts with (the stock levels, say). */
  seed?: (ctx: HandlerContext) => Promise<void>;
}

export function topicOf(aggregateType: string): string {
  return `${aggregateType.toLowerCase()}-events`;
}
