// What the broker's parts (membership, hand-over, acknowledgement and
// redelivery) share: its settings, consumer groups, log and offsets, and the
// few things each may ask of the whole. The Broker builds one and owns it.

import type { BrokerConfig, BrokerDeps } from './brokerConfig';
import { ConsumerGroup, type PartitionCursor } from './groups';
import type { LogWriter } from './logWriter';
import type { OffsetStore } from './offsetStore';

export interface BrokerContext {
  readonly deps: BrokerDeps;
  readonly config: BrokerConfig;
  readonly groups: Map<string, ConsumerGroup>;
  readonly log: LogWriter;
  readonly offsets: OffsetStore;
  stopped(): boolean;
  /** Something the canvas shows changed: the next stats beat reports it. */
  changed(): void;
  /** Hands over what this partition has for its member (in a live run; a deterministic one waits to be fetched). */
  pump(groupName: string, cursor: PartitionCursor): void;
  pumpAll(): void;
}

/** The group's cursor on one partition, if the group exists and reads it. */
export function cursorOf(
  broker: BrokerContext,
  groupName: string,
  topic: string,
  partition: number,
): PartitionCursor | undefined {
  return broker.groups.get(groupName)?.cursors.get(ConsumerGroup.key(topic, partition));
}

/** Stores the cursor's committed offset as it is now; resolves once durable. */
export function storeCommitted(
  broker: BrokerContext,
  groupName: string,
  cursor: PartitionCursor,
): Promise<void> {
  const { topic, partition, committed } = cursor;
  return broker.offsets.write({ group: groupName, topic, partition, committed });
}
