// Committed offsets: what the database holds, and writes on their way to it.
// Acks arrive faster than IndexedDB commits, so pending writes coalesce (the
// latest offset per group and partition wins) and wait for the broker's next
// write (see brokerWrites.ts), which may be a log append they ride along with.
// An offset counts as stored only once the transaction that wrote it
// committed: retention and a restart go by that, never by what is pending.

import type { BrokerDb, OffsetRow } from './brokerDb';

export const offsetKey = (group: string, topic: string, partition: number) =>
  `${group}|${topic}#${partition}`;

interface Waiter {
  durable: () => void;
  failed: (error: unknown) => void;
}

interface PendingOffset {
  row: OffsetRow;
  /** Acks that resolve once this row (or a later one for the same partition) is durable. */
  waiters: Waiter[];
}

/** Offsets taken for one transaction: settle it with `durable` or `failed`. */
export type OffsetBatch = Map<string, PendingOffset>;

export class OffsetStore {
  private readonly stored = new Map<string, number>();
  private pending: OffsetBatch = new Map();

  /** `kick`: there is something to write (the broker's write loop takes it when it is free). */
  constructor(
    private readonly db: BrokerDb,
    private readonly kick: () => void,
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

  /** Offsets waiting for a write (one under way is the write loop's to count). */
  get owed(): number {
    return this.pending.size;
  }

  /** Resolves once this offset (or a later one for the same partition) is durable; rejects if its write failed. */
  write(row: OffsetRow): Promise<void> {
    return new Promise((durable, failed) => {
      const key = offsetKey(row.group, row.topic, row.partition);
      const entry = this.pending.get(key);
      if (entry) {
        entry.row = row;
        entry.waiters.push({ durable, failed });
      } else this.pending.set(key, { row, waiters: [{ durable, failed }] });
      this.kick();
    });
  }

  /** Every pending offset, for the transaction about to run (empty when none waits). */
  take(): OffsetBatch {
    const batch = this.pending;
    this.pending = new Map();
    return batch;
  }

  rows(batch: OffsetBatch): OffsetRow[] {
    return [...batch.values()].map((entry) => entry.row);
  }

  /** The batch's transaction committed. */
  durable(batch: OffsetBatch): void {
    for (const [key, { row, waiters }] of batch) {
      this.stored.set(key, row.committed);
      for (const waiter of waiters) waiter.durable();
    }
  }

  /**
   * The batch's transaction failed: its acks hear so, and each row goes back to wait for the next write
   * unless a later ack of its partition already did (the later offset is the one to store).
   */
  failed(batch: OffsetBatch, error: unknown): void {
    for (const [key, { row, waiters }] of batch) {
      if (!this.pending.has(key)) this.pending.set(key, { row, waiters: [] });
      for (const waiter of waiters) waiter.failed(error);
    }
  }
}
