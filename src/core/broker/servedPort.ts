// The broker's own side of the port, for one member: what the wire's requests
// are served by. Requests reach the log through a port, so the layers over
// the port (the fault layer) sit between the wire and the log here exactly as
// they would over a client of another broker.

import type { HoldablePort, Delivery, OutgoingMessage } from './brokerPort';
import type { HandOver } from './handOver';
import type { LogWriter } from './logWriter';
import type { Redelivery } from './redelivery';

export interface ServedPortDeps {
  log: LogWriter;
  handOver: HandOver;
  redelivery: Redelivery;
  /** Adds `member` to the group (rebalancing it); deliveries (of `types` only, if given) go to `deliver`. */
  join(
    group: string,
    member: string,
    topics: string[],
    deliver: (delivery: Delivery) => void,
    types?: string[],
  ): Promise<void>;
}

export function servedPort(member: string, deps: ServedPortDeps): HoldablePort {
  const { log, handOver, redelivery } = deps;
  return {
    publish: (messages: OutgoingMessage[]) => log.append(messages),
    subscribe: (group, topics, onDeliver, types) => deps.join(group, member, topics, onDeliver, types),
    fetch: (group, topic, partition, max) => handOver.fetch(group, topic, partition, max),
    ack: (group, topic, partition, offset) => redelivery.ack(group, topic, partition, offset),
    nack: (group, topic, partition, offset, error) => redelivery.nack(group, topic, partition, offset, error),
    holdBack: async (group, topic, partition, offset, ms) =>
      handOver.holdBack(group, topic, partition, offset, ms),
    // The member's channel belongs to the broker's wire, which closes it when the broker stops.
    close: () => undefined,
  };
}
