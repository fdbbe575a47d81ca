// Log retention: a record is deleted once every consumer group that reads its
// topic has acknowledged it (by the durable committed offsets, never the
// in-memory cursors) and it is older than the retention setting; a partition
// loses its oldest records first. A topic no group reads (the dead letters) is
// kept whole, and so is the newest record of every partition: where a
// partition ends is read back from it after a restart. The log is stored in
// batches (logStore.ts), and only whole batches go, as Kafka deletes whole
// segments: a batch with one record still due to stay keeps the rest a while.
// Bookkeeping plus one transaction a pass, with one range delete per
// partition (never a cursor over the records); the broker runs it on a timer.

import type { Clock } from '../clock';
import type { BrokerDb, LogRow } from './brokerDb';
import { batchEdgeBelow, deleteBatchesBelow, firstOffsetOf } from './logStore';

export interface LogRetentionDeps {
  db: BrokerDb;
  clock: Clock;
  /** Where each partition of each topic ends (the log writer's view). */
  ends: () => Map<string, number[]>;
  /** The lowest durable committed offset of the groups reading `topic`, or null when none does. */
  floor: (topic: string, partition: number) => number | null;
  stopped: () => boolean;
}

const key = (topic: string, partition: number) => `${topic}#${partition}`;

/** How close in time writes must be to share one age entry. */
const AGE_STEP_MS = 100;

export class LogRetention {
  /**
   * Per partition, oldest first: [last offset, time] of each write — how old each stretch of the log is.
   * Each entry ends where a stored batch ends (a write stores one batch per partition, and entries merge
   * whole writes), so a range ending with an entry deletes whole batches, with no read to find the edge.
   */
  private readonly ages = new Map<string, [number, number][]>();
  /** Per partition: the first offset still in the log. */
  private readonly starts = new Map<string, number>();
  /** Per topic: records appended at or before this time may have been deleted. */
  readonly horizon = new Map<string, number>();
  /** Records deleted by this process. */
  pruned = 0;
  private running = false;

  constructor(private readonly deps: LogRetentionDeps) {}

  /**
   * After a (re)start: where each partition starts, and what was pruned before. Records already in
   * the log count as appended now, so a restart never makes anything due early.
   */
  async load(): Promise<void> {
    const { db, clock } = this.deps;
    const now = clock.now();
    for (const topic of await db.topics.toArray()) {
      if (topic.prunedUntil !== undefined) this.horizon.set(topic.name, topic.prunedUntil);
      const ends = this.deps.ends().get(topic.name) ?? [];
      for (let p = 0; p < ends.length; p++) {
        if (ends[p] === 0) continue;
        this.starts.set(key(topic.name, p), (await firstOffsetOf(db, topic.name, p)) ?? ends[p]);
        this.ages.set(key(topic.name, p), [[ends[p] - 1, now]]);
      }
    }
  }

  /** Records just made durable. */
  appended(rows: LogRow[]): void {
    const last = new Map<string, [number, number]>();
    for (const row of rows) {
      const k = key(row.topic, row.partition);
      if ((last.get(k)?.[0] ?? -1) < row.offset) last.set(k, [row.offset, row.appended_at]);
      if (!this.starts.has(k)) this.starts.set(k, row.offset);
    }
    for (const [k, entry] of last) {
      const list = this.ages.get(k);
      const newest = list?.[list.length - 1];
      // Writes in the same AGE_STEP_MS window share one entry, dated by its newest write: under load that
      // is a few entries a second, not one per write, and a record is pruned at most a window late, never early.
      if (newest && Math.floor(entry[1] / AGE_STEP_MS) === Math.floor(newest[1] / AGE_STEP_MS)) {
        newest[0] = entry[0];
        newest[1] = entry[1];
      } else if (list) list.push(entry);
      else this.ages.set(k, [entry]);
    }
  }

  /**
   * Deletes what is due under `retentionMs`; returns how many records went. Calls never overlap. One
   * transaction for the whole pass: a range delete per partition (on the primary key, so IndexedDB drops
   * the range in one request, after Dexie's one count of it) — with a read of the batches' keys first
   * when the due range ends inside an age entry — and each topic that lost records gets its row put whole.
   */
  async prune(retentionMs: number): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const cutoff = this.deps.clock.now() - retentionMs;
      const due: DueRange[] = [];
      for (const [topic, ends] of this.deps.ends())
        for (let partition = 0; partition < ends.length; partition++) {
          const range = this.dueIn(topic, partition, ends[partition], cutoff);
          if (range) due.push(range);
        }
      if (!due.length || this.deps.stopped()) return 0;
      const { db } = this.deps;
      const ends = this.deps.ends();
      // Where each partition now starts: only whole batches go, so maybe short of the due range's end.
      const went: { range: DueRange; next: number }[] = [];
      const until = new Map<string, number>();
      await db.transaction('rw', db.batches, db.topics, async () => {
        for (const range of due) {
          const { topic, partition, start, upto, atEdge } = range;
          const next = atEdge ? upto : ((await batchEdgeBelow(db, topic, partition, upto)) ?? start);
          if (next <= start) continue;
          await deleteBatchesBelow(db, topic, partition, next);
          went.push({ range, next });
        }
        for (const { range, next } of went) {
          const horizon = this.appendedBy(range.topic, range.partition, next - 1);
          until.set(
            range.topic,
            Math.max(horizon, until.get(range.topic) ?? this.horizon.get(range.topic) ?? -Infinity),
          );
        }
        // The whole row, as the writer stored it: no read of it first.
        if (until.size)
          await db.topics.bulkPut(
            [...until].map(([name, prunedUntil]) => ({
              name,
              partitions: ends.get(name)!.length,
              prunedUntil,
            })),
          );
      });
      let deleted = 0;
      for (const { range, next } of went) {
        const k = key(range.topic, range.partition);
        this.starts.set(k, next);
        const ages = this.ages.get(k)!;
        while (ages.length && ages[0][0] < next) ages.shift();
        deleted += next - range.start;
      }
      for (const [topic, at] of until) this.horizon.set(topic, at);
      this.pruned += deleted;
      return deleted;
    } finally {
      this.running = false;
    }
  }

  /** How late the record at `offset` may have been appended: the time of the age entry covering it. */
  private appendedBy(topic: string, partition: number, offset: number): number {
    const ages = this.ages.get(key(topic, partition))!;
    return (ages.find(([last]) => last >= offset) ?? ages[ages.length - 1])[1];
  }

  /**
   * The records [start, upto) of a partition due now, null if none; `atEdge` when `upto` ends an age entry
   * (so a batch), else the caller finds the last batch edge below it.
   */
  private dueIn(topic: string, partition: number, end: number, cutoff: number): DueRange | null {
    const k = key(topic, partition);
    const floor = this.deps.floor(topic, partition);
    const ages = this.ages.get(k);
    if (floor === null || !ages?.length) return null;
    // Acknowledged by every group, and never the partition's last record.
    const keepFrom = Math.min(floor, end - 1);
    let due = -1;
    let atEdge = true;
    for (const [last, at] of ages) {
      if (at > cutoff) break;
      due = Math.min(last, keepFrom - 1);
      atEdge = due === last;
      if (last >= keepFrom) break;
    }
    const start = this.starts.get(k) ?? 0;
    const upto = due + 1;
    if (upto <= start) return null;
    return { topic, partition, start, upto, atEdge };
  }
}

interface DueRange {
  topic: string;
  partition: number;
  start: number;
  upto: number;
  /** `upto` is where a batch begins: no read is needed to delete exactly [start, upto). */
  atEdge: boolean;
}
