// A run's broker as JetStream holds it, in the shapes the local broker gives: the figures the canvas shows
// (BrokerStats, with JetStream's own per stream and consumer beside them), what is still owed before the run
// is quiet, the dump the checker reads and the log for exports. Reads through a JetStreamManager and opens
// no connection; every record is read once and kept, as a stored message never changes.

import type { JetStreamManager } from '@nats-io/jetstream';
import type { CloudEvent } from '../../envelope';
import type { BrokerStats, GroupPartitionStat, JetStreamFigures } from '../../telemetry';
import type { BrokerDump, LogRow } from '../brokerOperations';
import { DEAD_LETTER_TOPIC } from '../wire';
import type { ConsumerFigures, PartitionFigures } from './natsAdmin';
import { natsToken } from './natsNames';

/** The inverse of natsToken (names are ASCII: every escape is two hex digits). */
export function fromNatsToken(token: string): string {
  return token.replace(/-([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Where a stream of the run sits: its one subject is `<run>.<topic>.<partition>` (natsNames.ts). */
function locate(subject: string): { topic: string; partition: number } | null {
  const [, topic, partition] = subject.split('.');
  if (topic === undefined || partition === undefined || !/^\d+$/.test(partition)) return null;
  return { topic: fromNatsToken(topic), partition: Number(partition) };
}

export interface RunFigures {
  streams: PartitionFigures[];
  consumers: (ConsumerFigures & { attached: boolean })[];
}

export class JetStreamReader {
  /** Per stream, the records read so far, in sequence order. */
  private readonly records = new Map<string, LogRow[]>();

  constructor(
    private readonly jsm: JetStreamManager,
    private readonly runId: string,
  ) {}

  /** Every stream of the run and every consumer on it, as JetStream counts them now. */
  async figures(): Promise<RunFigures> {
    const figures: RunFigures = { streams: [], consumers: [] };
    for await (const info of this.jsm.streams.list(`${natsToken(this.runId)}.>`)) {
      const where = locate(info.config.subjects?.[0] ?? '');
      if (!where) continue;
      const { state } = info;
      const stream = info.config.name;
      figures.streams.push({
        ...where,
        stream,
        messages: state.messages,
        firstSeq: state.first_seq,
        lastSeq: state.last_seq,
      });
      for await (const c of this.jsm.consumers.list(stream))
        figures.consumers.push({
          ...where,
          group: fromNatsToken(c.name),
          ackFloor: c.ack_floor.stream_seq,
          delivered: c.delivered.stream_seq,
          numPending: c.num_pending,
          numAckPending: c.num_ack_pending,
          numRedelivered: c.num_redelivered,
          // A member's pull request waits on the server, or it holds a record.
          attached: c.num_waiting > 0 || c.num_ack_pending > 0,
        });
    }
    const order = (a: { topic: string; partition: number }, b: { topic: string; partition: number }) =>
      a.topic.localeCompare(b.topic) || a.partition - b.partition;
    figures.streams.sort(order);
    figures.consumers.sort((a, b) => order(a, b) || a.group.localeCompare(b.group));
    return figures;
  }

  /** Records some group has not acknowledged: not yet handed over, or handed over and not acked. */
  static lag(figures: RunFigures): number {
    return figures.consumers.reduce((n, c) => n + c.numPending + c.numAckPending, 0);
  }

  /** The canvas's figures in the local broker's shape (offsets are stream sequences), JetStream's own beside them. */
  static stats(
    figures: RunFigures,
    extra: { paused: boolean; url: string; dedupDropped: number },
  ): BrokerStats {
    const groups: GroupPartitionStat[] = figures.consumers.map((c) => ({
      group: c.group,
      topic: c.topic,
      partition: c.partition,
      committed: c.ackFloor,
      inflight: c.numAckPending,
      lag: c.numPending + c.numAckPending,
      member: c.attached ? `${c.group} (pull)` : null,
    }));
    const jetstream: JetStreamFigures = {
      url: extra.url,
      streams: figures.streams,
      consumers: figures.consumers,
      dedupDropped: extra.dedupDropped,
    };
    return {
      partitions: figures.streams.map((s) => ({
        topic: s.topic,
        partition: s.partition,
        endOffset: s.lastSeq,
      })),
      groups,
      deadLetters: figures.streams
        .filter((s) => s.topic === DEAD_LETTER_TOPIC)
        .reduce((n, s) => n + s.messages, 0),
      paused: extra.paused,
      retention: { logMs: null, pruned: 0 },
      carrier: { kind: 'nats', jetstream },
    };
  }

  /** Topics, committed offsets (ack floors), dead letters and subjects, as the checker and the exports read a broker. */
  async dump(figures: RunFigures, live: BrokerStats): Promise<BrokerDump> {
    const topics = new Map<string, BrokerDump['topics'][number]>();
    const subjects: Record<string, Set<string>> = {};
    const deadLetters: unknown[] = [];
    for (const s of figures.streams) {
      let topic = topics.get(s.topic);
      if (!topic) topics.set(s.topic, (topic = { name: s.topic, partitions: [] }));
      topic.partitions.push({ partition: s.partition, endOffset: s.lastSeq, records: s.messages });
      for (const row of await this.read(s)) {
        (subjects[s.topic] ??= new Set()).add(row.event.subject);
        if (s.topic === DEAD_LETTER_TOPIC) deadLetters.push(row.event);
      }
    }
    return {
      topics: [...topics.values()],
      offsets: figures.consumers.map((c) => ({
        group: c.group,
        topic: c.topic,
        partition: c.partition,
        committed: c.ackFloor,
      })),
      deadLetters,
      subjects: Object.fromEntries(Object.entries(subjects).map(([t, set]) => [t, [...set]])),
      live,
      // No stream of a run has a max age (see the service worker): nothing is pruned.
      prunedUntil: {},
    };
  }

  /** Every record of every stream of the run, dead letters included. */
  async log(figures: RunFigures): Promise<LogRow[]> {
    const rows: LogRow[] = [];
    for (const s of figures.streams) rows.push(...(await this.read(s)));
    return rows;
  }

  /** The stream's records, reading only those not read before. */
  private async read(s: PartitionFigures): Promise<LogRow[]> {
    const rows = this.records.get(s.stream) ?? [];
    this.records.set(s.stream, rows);
    const from = Math.max(s.firstSeq, (rows.at(-1)?.offset ?? 0) + 1);
    for (let seq = from; seq >= 1 && seq <= s.lastSeq; seq++) {
      const stored = await this.jsm.streams.getMessage(s.stream, { seq }).catch(() => null);
      if (!stored) continue;
      const event = stored.json<CloudEvent>();
      rows.push({
        topic: s.topic,
        partition: s.partition,
        offset: seq,
        event,
        appended_at: stored.time.getTime(),
      });
    }
    return rows;
  }
}
