// Pure shaping of broker stats into what the broker node shows: one entry per
// topic with its partitions, and per consumer group reading it, offsets and lag.

import { SERVICE_NAMES, type ServiceName } from '../../core/rows';
import { publisherOf } from '../../core/service/topics';
import type { BrokerStats } from '../../core/telemetry';

export interface ConsumerView {
  group: string;
  partitions: { partition: number; committed: number; inflight: number; lag: number }[];
  inflight: number;
  lag: number;
  /** False when no partition of this topic has a live member: the consumer is down. */
  attached: boolean;
}

export interface TopicView {
  topic: string;
  publisher: ServiceName | null;
  /** Records ever appended, over all partitions; 0 means the topic is unused so far. */
  records: number;
  partitions: { partition: number; endOffset: number }[];
  consumers: ConsumerView[];
}

export interface Subscription {
  topic: string;
  records: number;
  consumer: ConsumerView;
}

export { publisherOf };

const byPartition = <T extends { partition: number }>(a: T, b: T) => a.partition - b.partition;

function consumerOf(view: TopicView, group: string): ConsumerView {
  let consumer = view.consumers.find((c) => c.group === group);
  if (!consumer) {
    consumer = { group, partitions: [], inflight: 0, lag: 0, attached: false };
    view.consumers.push(consumer);
  }
  return consumer;
}

export function topicViews(stats: BrokerStats | null): TopicView[] {
  if (!stats) return [];
  const topics = new Map<string, TopicView>();
  const topicOf = (topic: string) => {
    let view = topics.get(topic);
    if (!view) {
      view = { topic, publisher: publisherOf(topic), records: 0, partitions: [], consumers: [] };
      topics.set(topic, view);
    }
    return view;
  };
  for (const p of stats.partitions) {
    const view = topicOf(p.topic);
    view.partitions.push({ partition: p.partition, endOffset: p.endOffset });
    view.records += p.endOffset;
  }
  for (const g of stats.groups) {
    const consumer = consumerOf(topicOf(g.topic), g.group);
    const { partition, committed, inflight, lag } = g;
    consumer.partitions.push({ partition, committed, inflight, lag });
    consumer.inflight += inflight;
    consumer.lag += lag;
    consumer.attached ||= g.member !== null;
  }
  // Event topics in choreography order, then anything else (command topics) by name.
  const rank = (v: TopicView) => (v.publisher ? SERVICE_NAMES.indexOf(v.publisher) : SERVICE_NAMES.length);
  const views = [...topics.values()].sort((a, b) => rank(a) - rank(b) || a.topic.localeCompare(b.topic));
  for (const v of views) {
    v.partitions.sort(byPartition);
    for (const c of v.consumers) c.partitions.sort(byPartition);
  }
  return views;
}

/** What a consumer group reads, per topic: the label of its delivery edge. */
export function subscriptionsOf(views: TopicView[], group: string): Subscription[] {
  return views.flatMap((v) =>
    v.consumers
      .filter((c) => c.group === group)
      .map((consumer) => ({ topic: v.topic, records: v.records, consumer })),
  );
}

/** Splits topics into two runs of about equal rows (one row per consumer group), keeping each topic whole. */
export function splitInTwo(topics: TopicView[]): [TopicView[], TopicView[]] {
  const rows = (v: TopicView) => Math.max(1, v.consumers.length);
  const total = topics.reduce((n, v) => n + rows(v), 0);
  let seen = 0;
  const at = topics.findIndex((v) => (seen += rows(v)) > Math.ceil(total / 2));
  const cut = at === -1 ? topics.length : at === 0 ? 1 : at;
  return [topics.slice(0, cut), topics.slice(cut)];
}

/**
 * The presenter's broker has room for `capacity` group rows: past that it keeps the rows that matter — a group
 * behind, with messages in flight, or down — then the rest in order, and says how many group rows it left out.
 * Topics keep their order, so a row moves only when one before it is left out.
 */
export function foldTopics(topics: TopicView[], capacity: number): { topics: TopicView[]; hidden: number } {
  const total = topics.reduce((n, v) => n + Math.max(1, v.consumers.length), 0);
  if (total <= capacity) return { topics, hidden: 0 };
  const matters = (c: ConsumerView) => c.lag > 0 || c.inflight > 0 || !c.attached;
  const keep = new Set<ConsumerView>();
  for (const v of topics) for (const c of v.consumers) if (matters(c) && keep.size < capacity) keep.add(c);
  for (const v of topics) for (const c of v.consumers) if (keep.size < capacity) keep.add(c);
  const shown = topics
    .map((v) => ({ ...v, consumers: v.consumers.filter((c) => keep.has(c)) }))
    .filter((v) => v.consumers.length > 0);
  const groups = topics.reduce((n, v) => n + v.consumers.length, 0);
  return { topics: shown, hidden: groups - keep.size };
}

/**
 * The compact broker's two tables of `perTable` group rows each: a topic read by groups on both sides is shown
 * on both, its record count beside each part, so neither table runs longer than the node has room for.
 */
export function splitRows(topics: TopicView[], perTable: number): [TopicView[], TopicView[]] {
  const sides: [TopicView[], TopicView[]] = [[], []];
  let row = 0;
  for (const view of topics) {
    const consumers = view.consumers;
    const first = consumers.slice(0, Math.max(0, perTable - row));
    if (row < perTable) sides[0].push({ ...view, consumers: first });
    if (consumers.length > first.length || row >= perTable)
      sides[1].push({ ...view, consumers: row >= perTable ? consumers : consumers.slice(first.length) });
    row += Math.max(1, consumers.length);
  }
  return sides;
}

/** 90_000 → "90 s", 600_000 → "10 min", 3_600_000 → "1 h". */
export function duration(ms: number): string {
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3_600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3_600_000)} h`;
}

/**
 * The retention settings in words, for the broker node: how long the log keeps records every group
 * acknowledged (and how many it has deleted), and how long published outbox rows stay.
 */
export function retentionLine(
  stats: BrokerStats | null,
  publishedOutboxMs: number | null | undefined,
): string | null {
  const log = stats?.retention;
  if (!log && publishedOutboxMs == null) return null;
  const parts = [
    log
      ? log.logMs === null
        ? 'log kept whole'
        : `log ${duration(log.logMs)} after every group acked${log.pruned ? ` (${log.pruned.toLocaleString('en-US')} pruned)` : ''}`
      : null,
    publishedOutboxMs == null ? null : `published outbox rows ${duration(publishedOutboxMs)}`,
  ];
  return `retention: ${parts.filter(Boolean).join(' · ')}`;
}
