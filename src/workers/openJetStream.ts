// How a shop process on NATS reaches JetStream: a JetStreamPort over nats-core's
// wsconnect (the browser's WebSocket), named for the process, its republishes
// dropped by the duplicate window reported as facts, and a server that does
// not answer a start-up failure with its catalogue code (nothing is started);
// the run's broker faults laid over it, as the broker process holds them.

import { wsconnect } from '@nats-io/nats-core';
import type { HoldablePort } from '../core/broker/brokerPort';
import { withBrokerFaults } from '../core/broker/faultLayer';
import { JetStreamPort } from '../core/broker/nats/JetStreamPort';
import { HeldFaults } from '../core/broker/nats/sharedFaults';
import type { JetStreamConfig } from '../core/broker/nats/jetStreamConfig';
import type { ServiceName } from '../core/rows';
import type { Fact } from '../core/telemetry';
import { reportAs } from './reportAs';
import { retriedFailure } from './retriedFailure';

/**
 * Every process of a run opens its streams with the same settings (the first to create one sets them). No
 * max age: JetStream would drop a record by age alone, acknowledged or not, where the local broker's
 * retention spares every record a group still owes.
 */
export const RUN_JETSTREAM_CONFIG: Partial<JetStreamConfig> = { retentionMs: null };

/** A failure that keeps the process from starting, with the catalogue name the conductor reports it by. */
export function unreachable(error: unknown): Error {
  return Object.assign(new Error(String((error as Error)?.message ?? error)), { code: 'BROKER_UNREACHABLE' });
}

export async function openJetStream(
  runId: string,
  service: ServiceName,
  url: string,
  emit: (fact: Fact) => void,
): Promise<JetStreamPort> {
  const report = retriedFailure(
    reportAs(emit),
    `${service}: the NATS broker did not confirm a request; it is retried`,
  );
  try {
    return await JetStreamPort.open({
      runId,
      servers: url,
      connect: wsconnect,
      name: `${runId}/${service}`,
      config: RUN_JETSTREAM_CONFIG,
      emit,
      onError: report,
      onDuplicate: (event, offset) =>
        emit({ kind: 'broker-duplicate', service, messageId: event.id, type: event.type, offset }),
    });
  } catch (error) {
    throw unreachable(error);
  }
}

/** The port a service uses: its own connection, with the faults the run's broker process holds (sharedFaults.ts). */
export function heldFaultsOver(
  port: JetStreamPort,
  runId: string,
  service: ServiceName,
  emit: (fact: Fact) => void,
): HoldablePort {
  return withBrokerFaults(
    port,
    new HeldFaults(port.connection, runId, port.config.requestTimeoutMs),
    // Named for its service: in a workshop, facts naming a service this browser runs go to the others.
    (fact) => emit(fact.kind === 'broker-fault' ? { ...fact, service } : fact),
  );
}
