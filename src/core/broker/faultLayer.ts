// Broker faults as a layer over the port, so every implementation gets them:
// an outage refuses publishes, a delay holds a partition's batch back while
// the others go on, a duplicate hands a batch over twice. The layer only
// decides and reports; the port underneath does the traffic. Faults are
// armed in a fault source (shared by every port the layer wraps in one
// process, so an outage counts the publishes of all of them; on JetStream, a
// view of the faults the run's broker process holds) and fire once each.

import type { Fact } from '../telemetry';
import {
  BrokerUnavailable,
  type Delivery,
  type FetchedBatch,
  type HoldablePort,
  type OutgoingMessage,
} from './brokerPort';
import type { FaultSource } from './faults';
import type { LogRecord } from '../envelope';

export const OUTAGE_REFUSAL = 'broker outage: publish refused';

/** A value now when it is one (the local broker's faults: no turn of the event loop added), else once it comes. */
function whenKnown<T, R>(value: T | Promise<T>, then: (value: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}

export function withBrokerFaults(
  port: HoldablePort,
  faults: FaultSource,
  emit: (fact: Fact) => void,
): HoldablePort {
  /** A delay fault fired: the batch goes back and its partition waits; the hold (boxed, so no promise swallows it) when it did. */
  const heldBack = (group: string, topic: string, partition: number, records: LogRecord[]) =>
    whenKnown(faults.takeDelay(group, records), (ms) => {
      if (ms <= 0) return null;
      const held = port.holdBack(group, topic, partition, records[0].offset, ms);
      emit({ kind: 'broker-fault', fault: 'delay', group, type: records[0].event.type });
      return { held };
    });
  /** True (and the fault reported) when a duplicate fault asks for this batch to be handed over twice. */
  const duplicated = (group: string, records: LogRecord[]) =>
    whenKnown(faults.takeDuplicate(group, records), (twice) => {
      if (twice) emit({ kind: 'broker-fault', fault: 'duplicate', group, type: records[0].event.type });
      return twice;
    });

  return {
    publish(messages: OutgoingMessage[]): Promise<number[]> {
      return Promise.resolve(
        whenKnown(faults.takeRefusal(), (refused) => {
          if (!refused) return port.publish(messages);
          if (refused === 'first')
            emit({ kind: 'broker-fault', fault: 'broker-outage', group: null, type: null });
          return Promise.reject(new BrokerUnavailable(OUTAGE_REFUSAL));
        }),
      );
    },

    subscribe(
      group: string,
      topics: string[],
      onDeliver: (delivery: Delivery) => void,
      types?: string[],
    ): Promise<void> {
      return port.subscribe(
        group,
        topics,
        (delivery) => {
          const { topic, partition, records } = delivery;
          // Both decided before the first handover: a duplicate asked of another process comes right behind it.
          void whenKnown(heldBack(group, topic, partition, records), (hold) =>
            hold
              ? undefined
              : whenKnown(duplicated(group, records), (twice) => {
                  onDeliver(delivery);
                  if (twice) onDeliver(delivery);
                }),
          );
        },
        types,
      );
    },

    async fetch(group: string, topic: string, partition: number, max: number): Promise<FetchedBatch> {
      const batch = await port.fetch(group, topic, partition, max);
      if (batch.heldBack || !batch.records.length) return batch;
      // Awaited only when the source answers later: a deterministic run's steps keep their turns of the loop.
      const maybeHold = heldBack(group, topic, partition, batch.records);
      const hold = maybeHold instanceof Promise ? await maybeHold : maybeHold;
      if (hold) {
        await hold.held;
        return { records: [], duplicate: false, heldBack: true };
      }
      const maybeTwice = duplicated(group, batch.records);
      const twice = maybeTwice instanceof Promise ? await maybeTwice : maybeTwice;
      return { ...batch, duplicate: batch.duplicate || twice };
    },

    ack: (group, topic, partition, offset) => port.ack(group, topic, partition, offset),
    nack: (group, topic, partition, offset, error) => port.nack(group, topic, partition, offset, error),
    holdBack: (group, topic, partition, offset, ms) => port.holdBack(group, topic, partition, offset, ms),
    close: () => port.close(),
  };
}
