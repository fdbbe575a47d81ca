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
