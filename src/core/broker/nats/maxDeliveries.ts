// JetStream's word that a record ran out of deliveries to a consumer with no
// ack or nack to show for it (its consumers died on it every time): the
// advisory names the stream sequence, and the port copies that record to the
// dead-letter topic. A nacked record is dead-lettered by the port itself,
// with its error; this covers the records nobody could nack.

import type { NatsConnection } from '@nats-io/nats-core';
import { maxDeliveriesAdvisory } from './natsNames';

interface MaxDeliveriesAdvisory {
  stream_seq: number;
  deliveries: number;
}

export function watchMaxDeliveries(
  nc: NatsConnection,
  stream: string,
  durable: string,
  onExhausted: (seq: number, deliveries: number) => void,
): void {
  nc.subscribe(maxDeliveriesAdvisory(stream, durable), {
    callback: (error, msg) => {
      if (error) return;
      try {
        const advisory = msg.json<MaxDeliveriesAdvisory>();
        if (typeof advisory.stream_seq === 'number') onExhausted(advisory.stream_seq, advisory.deliveries);
      } catch {
        // Not an advisory we can read: nothing to copy.
      }
    },
  });
}
