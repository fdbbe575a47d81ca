// The log's write side: where each partition ends, and publishes appended in
// batches. Every publish that arrives while a write is under way joins the
// next transaction (the broker's write loop, brokerWrites.ts, runs them); a
// publish resolves only once its records are durable, and a failed write
// hands back the offsets it had taken.

import type { Clock } from '../clock';
import type { BrokerDb, LogRow, TopicRow } from './brokerDb';
import { endOffsetOf } from './logStore';
import { partitionFor } from './partitioner';
import type { OutgoingMessage } from './brokerPort';

interface PendingPublish {
  messages: OutgoingMessage[];
  durable: (offsets: number[]) => void;
  failed: (error: unknown) => void;
}

export interface LogWriterDeps {
  db: BrokerDb;
  clock: Clock;
  partitions: number;
  /** A publish of `publisher`'s (its events' source) waits: the broker's write loop takes it when it is free. */
  published(publisher: string): void;
  /** A topic seen for the first time (in memory; the writer persists it with the records). */
  onNewTopic(topic: string): void;
  /** Records became durable: deliveries may go on. */
  onAppended(rows: LogRow[]): void;
}

/** Newest records kept in memory per partition, so a delivery right after a write needs no read. */
const TAIL = 512;

export class LogWriter {
  /** Topic → end offset of each partition. */
  readonly ends = new Map<string, number[]>();
  private queue: PendingPublish[] = [];
  /** Per partition, the newest durable records in offset order (filled only after their transaction committed). */
  private readonly tails = new Map<string, LogRow[]>();

  constructor(private readonly deps: LogWriterDeps) {}

  /** Reads where every partition ends, after a (re)start. */
  async load(): Promise<void> {
    const { db } = this.deps;
    for (const topic of await db.topics.toArray()) {
      const ends: number[] = [];
      for (let p = 0; p < topic.partitions; p++) ends.push(await endOffsetOf(db, topic.name, p));
      this.ends.set(topic.name, ends);
    }
  }

  /** Publishes waiting for a write (one under way is the write loop's to count). */
  get owed(): number {
    return this.queue.length;
  }

  endOf(topic: string, partition: number): number {
    return this.ends.get(topic)?.[partition] ?? 0;
  }

  /** Records [from, upto) of a partition if all of them are still in memory; undefined means read the log. */
  cached(topic: string, partition: number, from: number, upto: number): LogRow[] | undefined {
    const tail = this.tails.get(`${topic}#${partition}`);
    if (!tail?.length || from < tail[0].offset || upto > tail[tail.length - 1].offset + 1) return undefined;
    return tail.slice(from - tail[0].offset, upto - tail[0].offset);
  }

  private remember(rows: LogRow[]): void {
    for (const row of rows) {
      const key = `${row.topic}#${row.partition}`;
      let tail = this.tails.get(key);
      if (!tail) this.tails.set(key, (tail = []));
      // Offsets of a partition are contiguous; anything else (a gap) starts the tail afresh.
      if (tail.length && tail[tail.length - 1].offset + 1 !== row.offset) tail.length = 0;
      tail.push(row);
      if (tail.length > TAIL) tail.splice(0, tail.length - TAIL);
    }
  }

  /** Appends the messages; resolves with their offsets once durable, rejects if the write failed. */
  append(messages: OutgoingMessage[]): Promise<number[]> {
    return new Promise((durable, failed) => {
      this.queue.push({ messages, durable, failed });
      this.deps.published(messages[0]?.event.source ?? '');
    });
  }

  /** Creates the topic in memory if new (persisted with the next write, or by the caller); returns whether it was new. */
  ensureTopic(topic: string): boolean {
    if (this.ends.has(topic)) return false;
    this.ends.set(topic, new Array(this.deps.partitions).fill(0));
    this.deps.onNewTopic(topic);
    return true;
  }

  /**
   * Every queued publish, offsets taken, for the transaction about to run; undefined when none waits.
   * The caller writes `rows` (logStore's appendRows: a stored batch per partition) and `newTopics` in
   * one transaction, then settles the batch.
   */
  take(): AppendBatch | undefined {
    if (!this.queue.length) return undefined;
    const batch = this.queue.splice(0);
    const before = new Map([...this.ends].map(([t, e]) => [t, [...e]]));
    const newTopics = new Set<string>();
    const rows: LogRow[] = [];
    const now = this.deps.clock.now();
    const offsets = batch.map((req) =>
      req.messages.map((m) => {
        if (this.ensureTopic(m.topic)) newTopics.add(m.topic);
        const ends = this.ends.get(m.topic)!;
        const partition = partitionFor(m.event.subject, ends.length);
        const offset = ends[partition]++;
        rows.push({ topic: m.topic, partition, offset, event: m.event, appended_at: now });
        return offset;
      }),
    );
    return {
      rows,
      newTopics: [...newTopics].map((name) => ({ name, partitions: this.deps.partitions })),
      durable: () => {
        this.remember(rows);
        batch.forEach((req, i) => req.durable(offsets[i]));
        this.deps.onAppended(rows);
      },
      failed: (error) => {
        // Nothing was written: forget the offsets we handed out, and tell each publisher.
        for (const [topic, ends] of before) this.ends.set(topic, ends);
        for (const topic of newTopics) if (!before.has(topic)) this.ends.delete(topic);
        for (const req of batch) req.failed(error);
      },
    };
  }
}

/** Publishes taken for one transaction. */
export interface AppendBatch {
  rows: LogRow[];
  /** Topics first seen in this batch, to be stored with its records. */
  newTopics: TopicRow[];
  /** The transaction committed: publishers hear their offsets, deliveries may go on. */
  durable(): void;
  failed(error: unknown): void;
}
