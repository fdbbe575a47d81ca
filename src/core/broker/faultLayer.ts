// Broker faults as a layer over the port, so every implementation gets them:
// an outage refuses publishes, a delay holds a partition's batch back while
// the others go on, a duplicate hands a batch over twice. The layer only
// decides and reports; the port underneath does the traffic. Faults are
// armed in `faults` (shared by every port the layer wraps in one process, so
// an outage counts the publishes of all of them) and fire once each.

import type { Fact } from '../telemetry';
import {
  BrokerUnavailable,
  type Delivery,
  type FetchedBatch,
  type HoldablePort,
  type OutgoingMessage,
} from './brokerPort';
import type { BrokerFaults } from './faults';
import type { LogRecord } from '../envelope';

export const OUTAGE_REFUSAL = 'broker outage: publish refused';

export function withBrokerFaults(
  port: HoldablePort,
  faults: BrokerFaults,
  emit: (fact: Fact) => void,
): HoldablePort {
  /** A delay fault fired: the batch goes back and its partition waits; true when it did. */
  const heldBack = (group: string, topic: string, partition: number, records: LogRecord[]) => {
    const ms = faults.delays.take(group, records);
    if (ms <= 0) return null;
    const held = port.holdBack(group, topic, partition, records[0].offset, ms);
    emit({ kind: 'broker-fault', fault: 'delay', group, type: records[0].event.type });
    return held;
  };
  /** True (and the fault reported) when a duplicate fault asks for this batch to be handed over twice. */
  const duplicated = (group: string, records: LogRecord[]) => {
    if (!faults.duplicates.take(group, records)) return false;
    emit({ kind: 'broker-fault', fault: 'duplicate', group, type: records[0].event.type });
    return true;
  };

  return {
    publish(messages: OutgoingMessage[]): Promise<number[]> {
      const refused = faults.outage.take();
      if (!refused) return port.publish(messages);
      if (refused === 'first')
        emit({ kind: 'broker-fault', fault: 'broker-outage', group: null, type: null });
      return Promise.reject(new BrokerUnavailable(OUTAGE_REFUSAL));
    },

    subscribe(group: string, topics: string[], onDeliver: (delivery: Delivery) => void): Promise<void> {
      return port.subscribe(group, topics, (delivery) => {
        const { topic, partition, records } = delivery;
        if (heldBack(group, topic, partition, records)) return;
        onDeliver(delivery);
        if (duplicated(group, records)) onDeliver(delivery);
      });
    },

    async fetch(group: string, topic: string, partition: number, max: number): Promise<FetchedBatch> {
      const batch = await port.fetch(group, topic, partition, max);
      if (batch.heldBack || !batch.records.length) return batch;
      const held = heldBack(group, topic, partition, batch.records);
      if (held) {
        await held;
        return { records: [], duplicate: false, heldBack: true };
      }
      return { ...batch, duplicate: batch.duplicate || duplicated(group, batch.records) };
    },

    ack: (group, topic, partition, offset) => port.ack(group, topic, partition, offset),
    nack: (group, topic, partition, offset, error) => port.nack(group, topic, partition, offset, error),
    holdBack: (group, topic, partition, offset, ms) => port.holdBack(group, topic, partition, offset, ms),
    close: () => port.close(),
  };
}
