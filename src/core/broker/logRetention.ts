// Log retention: a record is deleted once every consumer group that reads its
// topic has acknowledged it (by the durable committed offsets, never the
// in-memory cursors) and it is older than the retention setting; a partition
// loses its oldest records first. A topic no group reads (the dead letters) is
// kept whole, and so is the newest record of every partition: where a
// partition ends is read back from it after a restart. Bookkeeping plus one
// transaction a pass, with one range delete per partition (never a cursor
// over the records); the broker runs it on a timer.

import type { Clock } from '../clock';
import type { BrokerDb, LogRow } from './brokerDb';

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
  /** Per partition, oldest first: [last offset, time] of each write — how old each stretch of the log is. */
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
        const first = await db.log
          .where('[topic+partition+offset]')
          .between([topic.name, p, 0], [topic.name, p, ends[p]])
          .first();
        this.starts.set(key(topic.name, p), first?.offset ?? ends[p]);
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
   * transaction for the whole pass: a range delete per partition (on the log's primary key, so IndexedDB
   * drops the range in one request, after Dexie's one count of it) and each touched topic's row put whole.
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
      const until = new Map<string, number>();
      for (const { topic, horizon } of due)
        until.set(topic, Math.max(horizon, until.get(topic) ?? this.horizon.get(topic) ?? -Infinity));
      const { db } = this.deps;
      const ends = this.deps.ends();
      await db.transaction('rw', db.log, db.topics, async () => {
        for (const { topic, partition, start, upto } of due)
          await db.log
            .where('[topic+partition+offset]')
            .between([topic, partition, start], [topic, partition, upto], true, false)
            .delete();
        // The whole row, as the writer stored it: no read of it first.
        await db.topics.bulkPut(
          [...until].map(([name, prunedUntil]) => ({
            name,
            partitions: ends.get(name)!.length,
            prunedUntil,
          })),
        );
      });
      let deleted = 0;
      for (const { topic, partition, start, upto } of due) {
        const k = key(topic, partition);
        this.starts.set(k, upto);
        const ages = this.ages.get(k)!;
        while (ages.length && ages[0][0] < upto) ages.shift();
        deleted += upto - start;
      }
      for (const [topic, at] of until) this.horizon.set(topic, at);
      this.pruned += deleted;
      return deleted;
    } finally {
      this.running = false;
    }
  }

  /** The records [start, upto) of a partition due now, and how old the newest of them may be; null if none. */
  private dueIn(topic: string, partition: number, end: number, cutoff: number): DueRange | null {
    const k = key(topic, partition);
    const floor = this.deps.floor(topic, partition);
    const ages = this.ages.get(k);
    if (floor === null || !ages?.length) return null;
    // Acknowledged by every group, and never the partition's last record.
    const keepFrom = Math.min(floor, end - 1);
    let due = -1;
    let horizon: number | null = null;
    for (const [last, at] of ages) {
      if (at > cutoff) break;
      due = Math.min(last, keepFrom - 1);
      horizon = at;
      if (last >= keepFrom) break;
    }
    const start = this.starts.get(k) ?? 0;
    const upto = due + 1;
    if (upto <= start || horizon === null) return null;
    return { topic, partition, start, upto, horizon };
  }
}

interface DueRange {
  topic: string;
  partition: number;
  start: number;
  upto: number;
  /** Records appended at or before this time are among those deleted. */
  horizon: number;
}
