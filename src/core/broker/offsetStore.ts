// Committed offsets: what the database holds, and writes on their way to it.
// Acks arrive faster than IndexedDB commits, so pending writes coalesce (the
// latest offset per group and partition wins) and go down in one bulk write.

import type { BrokerDb, OffsetRow } from './brokerDb';

export const offsetKey = (group: string, topic: string, partition: number) =>
  `${group}|${topic}#${partition}`;

export class OffsetStore {
  private readonly stored = new Map<string, number>();
  private readonly pending = new Map<string, OffsetRow>();
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: BrokerDb,
    private readonly stopped: () => boolean,
  ) {}

  async load(): Promise<void> {
    for (const row of await this.db.offsets.toArray())
      this.stored.set(offsetKey(row.group, row.topic, row.partition), row.committed);
  }

  /** The durable committed offset, or 0 for a partition the group never acknowledged. */
  committed(group: string, topic: string, partition: number): number {
    return this.stored.get(offsetKey(group, topic, partition)) ?? 0;
  }

  /** The durable committed offsets of every group that ever acknowledged something of this partition. */
  committedOf(topic: string, partition: number): Map<string, number> {
    const suffix = `|${topic}#${partition}`;
    const found = new Map<string, number>();
    for (const [k, committed] of this.stored)
      if (k.endsWith(suffix)) found.set(k.slice(0, -suffix.length), committed);
    return found;
  }

  /** Writes still to be made durable (counting one under way). */
  get owed(): number {
    return this.pending.size + (this.flushing ? 1 : 0);
  }

  /** Resolves once this offset (or a later one for the same partition) is durable. */
  write(row: OffsetRow): Promise<void> {
    this.pending.set(offsetKey(row.group, row.topic, row.partition), row);
    this.flushing ??= (async () => {
      try {
        while (this.pending.size && !this.stopped()) {
          const rows = [...this.pending.values()];
          this.pending.clear();
          await this.db.offsets.bulkPut(rows);
          for (const r of rows) this.stored.set(offsetKey(r.group, r.topic, r.partition), r.committed);
        }
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }
}
