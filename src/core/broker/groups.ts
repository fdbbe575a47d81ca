// Consumer-group bookkeeping, in memory: which member owns which partition,
// how far the group has committed, and how far it has been handed records.
// Pure state; the broker persists `committed` and does the I/O.

import type { Delivery } from './brokerPort';

export interface PartitionCursor {
  topic: string;
  partition: number;
  committed: number;
  /** Next offset to hand to the member; everything in [committed, next) is in flight. */
  next: number;
  member: string | null;
  /** While a nacked record waits out its backoff, nothing of this partition is delivered. */
  blockedUntil: number;
  /** A timer is already set to look at this partition again when its block ends. */
  wakeBooked: boolean;
  reading: boolean;
  /** Offsets in [committed, next) not handed over: not of a type the member takes (see typeFilter.ts). */
  skipped: Set<number>;
}

export interface Member {
  id: string;
  /** Hands a batch to this member (through whatever layers its port has: the wire stamps its incarnation). */
  deliver: (delivery: Delivery) => void;
  topics: Set<string>;
  /** The event types it handles; null takes every type. */
  types: ReadonlySet<string> | null;
  lastSeen: number;
}

export class ConsumerGroup {
  readonly members = new Map<string, Member>();
  readonly cursors = new Map<string, PartitionCursor>();

  constructor(readonly name: string) {}

  static key(topic: string, partition: number): string {
    return `${topic}#${partition}`;
  }

  cursor(topic: string, partition: number, committed: number): PartitionCursor {
    const key = ConsumerGroup.key(topic, partition);
    let cursor = this.cursors.get(key);
    if (!cursor) {
      cursor = {
        topic,
        partition,
        committed,
        next: committed,
        member: null,
        blockedUntil: 0,
        wakeBooked: false,
        reading: false,
        skipped: new Set(),
      };
      this.cursors.set(key, cursor);
    }
    return cursor;
  }

  topics(): Set<string> {
    const all = new Set<string>();
    for (const member of this.members.values()) for (const topic of member.topics) all.add(topic);
    return all;
  }

  /** Drops members last heard from before `cutoff`; returns whether any went. */
  expire(cutoff: number): boolean {
    const gone = [...this.members.values()].filter((m) => m.lastSeen < cutoff);
    for (const m of gone) this.members.delete(m.id);
    if (gone.length) this.rebalance(null);
    return gone.length > 0;
  }

  /**
   * Spreads partitions over members round-robin. A partition that changes
   * hands, or whose owner rejoined, restarts from the committed offset: its
   * unacknowledged records are delivered again.
   */
  rebalance(rejoined: string | null): void {
    const memberIds = [...this.members.keys()].sort();
    const byTopic = new Map<string, PartitionCursor[]>();
    for (const cursor of this.cursors.values()) {
      const list = byTopic.get(cursor.topic) ?? [];
      list.push(cursor);
      byTopic.set(cursor.topic, list);
    }
    for (const [topic, cursors] of byTopic) {
      const owners = memberIds.filter((id) => this.members.get(id)!.topics.has(topic));
      cursors.sort((a, b) => a.partition - b.partition);
      cursors.forEach((cursor, i) => {
        const owner = owners.length ? owners[i % owners.length] : null;
        if (owner !== cursor.member || owner === rejoined) {
          cursor.member = owner;
          // Read again from the committed offset, and sorted again by the new owner's types.
          cursor.next = cursor.committed;
          cursor.skipped.clear();
        }
      });
    }
  }
}
