// Messages on the broker's wire. Requests go to the broker's channel; replies
// and deliveries go to the requester's own channel.

import type { LogRecord } from '../envelope';
import type { OutgoingMessage } from './brokerPort';

/**
 * In a deterministic run every request carries the sender's simulation time
 * (`at`) and a `reqId`: the broker reads its clock from the request and
 * confirms each one with `done`, so a step ends only when its effects have.
 */
interface Stepped {
  at?: number;
  reqId?: string;
  from?: string;
}

export type BrokerRequest =
  | { type: 'publish'; reqId: string; from: string; messages: OutgoingMessage[]; at?: number }
  | ({
      type: 'subscribe';
      from: string;
      group: string;
      member: string;
      topics: string[];
      /** The event types the member handles; absent, every type. */
      types?: string[];
      session?: string;
    } & Stepped)
  | { type: 'heartbeat'; group: string; member: string }
  | ({ type: 'ack'; group: string; topic: string; partition: number; offset: number } & Stepped)
  | ({
      type: 'nack';
      group: string;
      topic: string;
      partition: number;
      offset: number;
      error: string;
    } & Stepped)
  /** Deterministic runs only: hand over up to `max` records of one partition now (the broker never pushes). */
  | {
      type: 'fetch';
      reqId: string;
      from: string;
      group: string;
      topic: string;
      partition: number;
      max: number;
      at: number;
    };

export type BrokerReply =
  | { type: 'publish.ok'; reqId: string; offsets: number[] }
  | { type: 'publish.failed'; reqId: string; error: string }
  /** `session`: the incarnation of the member it is meant for; a restarted process drops what was meant for its predecessor. */
  | {
      type: 'deliver';
      group: string;
      topic: string;
      partition: number;
      records: LogRecord[];
      session?: string;
    }
  /** `duplicate`: a fault asks the consumer to take this batch twice; `heldBack`: a delay fault held it. */
  | { type: 'fetch.ok'; reqId: string; records: LogRecord[]; duplicate: boolean; heldBack: boolean }
  | { type: 'done'; reqId: string };

/** Broadcast by a broker that has just started, so clients subscribe again. */
export type BrokerEvent = { type: 'broker.up' };

export const DEAD_LETTER_TOPIC = 'dead-letters';
