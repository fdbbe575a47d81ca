// Messages on the broker's wire. Requests go to the broker's channel; replies
// and deliveries go to the requester's own channel.

import type { CloudEvent, LogRecord } from '../envelope';

export interface OutgoingMessage {
  topic: string;
  event: CloudEvent;
}

export type BrokerRequest =
  | { type: 'publish'; reqId: string; from: string; messages: OutgoingMessage[] }
  | { type: 'subscribe'; from: string; group: string; member: string; topics: string[] }
  | { type: 'heartbeat'; group: string; member: string }
  | { type: 'ack'; group: string; topic: string; partition: number; offset: number }
  | { type: 'nack'; group: string; topic: string; partition: number; offset: number; error: string };

export type BrokerReply =
  | { type: 'publish.ok'; reqId: string; offsets: number[] }
  | { type: 'publish.failed'; reqId: string; error: string }
  | { type: 'deliver'; group: string; topic: string; partition: number; records: LogRecord[] };

/** Broadcast by a broker that has just started, so clients subscribe again. */
export type BrokerEvent = { type: 'broker.up' };

export const DEAD_LETTER_TOPIC = 'dead-letters';
