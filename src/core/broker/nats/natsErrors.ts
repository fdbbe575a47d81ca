// Every failure of the NATS client, as the port reports it: a BrokerUnavailable
// whose message says what was asked and why it did not happen, so a caller
// keeps its batch and tries later, and a person reading it knows what to fix.

import {
  ClosedConnectionError,
  ConnectionError,
  DrainingConnectionError,
  NoRespondersError,
  TimeoutError,
} from '@nats-io/nats-core';
import { JetStreamApiError } from '@nats-io/jetstream';
import { BrokerUnavailable } from '../brokerPort';

export function unavailable(what: string, error: unknown, timeoutMs?: number): BrokerUnavailable {
  if (error instanceof BrokerUnavailable) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof TimeoutError)
    return new BrokerUnavailable(
      `NATS JetStream did not confirm ${what}${timeoutMs ? ` within ${timeoutMs} ms` : ''}`,
    );
  if (error instanceof NoRespondersError)
    return new BrokerUnavailable(
      `NATS JetStream: nothing answers ${what} (no stream for it, or JetStream off)`,
    );
  if (error instanceof ClosedConnectionError || error instanceof DrainingConnectionError)
    return new BrokerUnavailable(`NATS JetStream: ${what} failed: the connection is closed`);
  if (error instanceof JetStreamApiError)
    return new BrokerUnavailable(`NATS JetStream refused ${what}: ${detail} (error ${error.code})`);
  if (error instanceof ConnectionError)
    return new BrokerUnavailable(`NATS JetStream: ${what} failed: cannot reach the server (${detail})`);
  return new BrokerUnavailable(`NATS JetStream: ${what} failed: ${detail}`);
}
