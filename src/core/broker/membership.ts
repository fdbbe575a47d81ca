// Who reads what: members joining a consumer group for some topics (and
// perhaps only some event types; a rejoin rewinds what the member held),
// members dropped when they stop beating, and a group's
// cursors on every partition of the topics it reads, new topics included.

import type { Delivery } from './brokerPort';
import type { BrokerContext } from './brokerContext';
import { ConsumerGroup } from './groups';

export class Membership {
  constructor(private readonly broker: BrokerContext) {}

  async join(
    groupName: string,
    member: string,
    topics: string[],
    deliver: (delivery: Delivery) => void,
    types?: string[],
  ): Promise<void> {
    const { deps, config, groups, log } = this.broker;
    const fresh = topics.filter((t) => log.ensureTopic(t));
    if (fresh.length)
      await deps.db.topics.bulkPut(fresh.map((name) => ({ name, partitions: config.partitions })));
    let group = groups.get(groupName);
    if (!group) groups.set(groupName, (group = new ConsumerGroup(groupName)));
    group.members.set(member, {
      id: member,
      deliver,
      topics: new Set(topics),
      types: types ? new Set(types) : null,
      lastSeen: deps.clock.now(),
    });
    for (const topic of topics) this.addCursors(group, topic);
    group.rebalance(member);
    this.broker.changed();
    this.broker.pumpAll();
  }

  heartbeat(groupName: string, member: string): void {
    const joined = this.broker.groups.get(groupName)?.members.get(member);
    if (joined) joined.lastSeen = this.broker.deps.clock.now();
  }

  /** Drops the members not heard from within the session timeout; their partitions go to whoever is left. */
  expire(): void {
    for (const group of this.broker.groups.values()) {
      if (!group.expire(this.broker.deps.clock.now() - this.broker.config.sessionTimeoutMs)) continue;
      this.broker.changed();
      this.broker.pumpAll();
    }
  }

  /** A topic appeared: every group that reads it gets cursors on its partitions. */
  topicCreated(topic: string): void {
    for (const group of this.broker.groups.values()) {
      if (!group.topics().has(topic)) continue;
      this.addCursors(group, topic);
      group.rebalance(null);
    }
  }

  private addCursors(group: ConsumerGroup, topic: string): void {
    const ends = this.broker.log.ends.get(topic)!;
    for (let p = 0; p < ends.length; p++)
      group.cursor(topic, p, this.broker.offsets.committed(group.name, topic, p));
  }
}
