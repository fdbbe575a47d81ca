// The broker's numbers as the canvas shows them: end offsets per partition, and
// per consumer group what is committed, in flight and lagging. Pure.

import type { BrokerStats } from '../telemetry';
import type { ConsumerGroup } from './groups';
import { DEAD_LETTER_TOPIC } from './wire';

export function brokerStats(
  ends: Map<string, number[]>,
  groups: Iterable<ConsumerGroup>,
  paused: boolean,
  retention?: BrokerStats['retention'],
): BrokerStats {
  const endOf = (topic: string, partition: number) => ends.get(topic)?.[partition] ?? 0;
  const partitions = [...ends].flatMap(([topic, e]) =>
    e.map((endOffset, partition) => ({ topic, partition, endOffset })),
  );
  const groupStats = [...groups].flatMap((group) =>
    [...group.cursors.values()].map((c) => ({
      group: group.name,
      topic: c.topic,
      partition: c.partition,
      committed: c.committed,
      inflight: c.next - c.committed,
      lag: endOf(c.topic, c.partition) - c.committed,
      member: c.member,
    })),
  );
  const deadLetters = (ends.get(DEAD_LETTER_TOPIC) ?? []).reduce((a, b) => a + b, 0);
  return { partitions, groups: groupStats, deadLetters, paused, ...(retention ? { retention } : {}) };
}
