import { describe, expect, it } from 'vitest';
import type { BrokerStats } from '../../core/telemetry';
import {
  duration,
  foldTopics,
  publisherOf,
  retentionLine,
  splitInTwo,
  splitRows,
  topicViews,
  type TopicView,
} from './brokerView';

const group = (
  g: string,
  topic: string,
  partition: number,
  committed: number,
  member: string | null = 'm',
) => ({
  group: g,
  topic,
  partition,
  committed,
  inflight: 0,
  lag: 0,
  member,
});

describe('topicViews', () => {
  it('orders event topics by choreography, then other topics by name, counting records', () => {
    const stats: BrokerStats = {
      partitions: [
        { topic: 'order-commands', partition: 0, endOffset: 0 },
        { topic: 'payment-events', partition: 1, endOffset: 2 },
        { topic: 'payment-events', partition: 0, endOffset: 3 },
        { topic: 'order-events', partition: 0, endOffset: 1 },
      ],
      groups: [group('order', 'payment-events', 1, 2), group('order', 'payment-events', 0, 3, null)],
      deadLetters: 0,
      paused: false,
    };
    const views = topicViews(stats);
    expect(views.map((v) => [v.topic, v.records])).toEqual([
      ['order-events', 1],
      ['payment-events', 5],
      ['order-commands', 0],
    ]);
    expect(views[1].partitions.map((p) => p.partition)).toEqual([0, 1]);
    expect(views[1].consumers[0]).toMatchObject({ group: 'order', attached: true });
  });

  it('knows who publishes a topic by its name', () => {
    expect(publisherOf('inventory-events')).toBe('inventory');
    expect(publisherOf('inventory-commands')).toBeNull();
  });
});

describe('splitInTwo', () => {
  const topic = (name: string, groups: number): TopicView => ({
    topic: name,
    publisher: null,
    records: 1,
    partitions: [],
    consumers: Array.from({ length: groups }, (_, i) => ({
      group: `g${i}`,
      partitions: [],
      inflight: 0,
      lag: 0,
      attached: true,
    })),
  });

  it('balances rows between the two tables and keeps each topic whole', () => {
    const [left, right] = splitInTwo([topic('a', 1), topic('b', 2), topic('c', 2), topic('d', 1)]);
    expect(left.map((t) => t.topic)).toEqual(['a', 'b']);
    expect(right.map((t) => t.topic)).toEqual(['c', 'd']);
  });

  it('handles no topics and one topic', () => {
    expect(splitInTwo([])).toEqual([[], []]);
    expect(splitInTwo([topic('a', 3)]).map((side) => side.length)).toEqual([1, 0]);
  });
});

describe('retentionLine', () => {
  const stats = (retention?: BrokerStats['retention']): BrokerStats => ({
    partitions: [],
    groups: [],
    deadLetters: 0,
    paused: false,
    ...(retention ? { retention } : {}),
  });

  it('says how long the log and published outbox rows are kept, and how much the log pruned', () => {
    expect(retentionLine(stats({ logMs: 600_000, pruned: 1234 }), 60_000)).toBe(
      'retention: log 10 min after every group acked (1,234 pruned) · published outbox rows 60 s',
    );
    expect(retentionLine(stats({ logMs: null, pruned: 0 }), null)).toBe('retention: log kept whole');
    expect(retentionLine(null, 3_600_000 * 3)).toBe('retention: published outbox rows 3 h');
    expect(retentionLine(stats(), undefined)).toBeNull();
  });

  it('writes durations in the unit people read them in', () => {
    expect([2_000, 90_000, 600_000, 3_600_000, 7_200_000].map(duration)).toEqual([
      '2 s',
      '90 s',
      '10 min',
      '60 min',
      '2 h',
    ]);
  });
});

describe('the compact broker', () => {
  const consumer = (group: string, lag = 0) => ({
    group,
    partitions: [],
    inflight: 0,
    lag,
    attached: true,
  });
  const topic = (name: string, ...consumers: ReturnType<typeof consumer>[]): TopicView => ({
    topic: name,
    publisher: null,
    records: 3,
    partitions: [],
    consumers,
  });
  const rows = (topics: TopicView[]) =>
    topics.flatMap((t) => t.consumers.map((c) => `${t.topic}:${c.group}`));

  it('keeps every row when they fit', () => {
    const topics = [topic('a', consumer('x')), topic('b', consumer('y'))];
    expect(foldTopics(topics, 4)).toEqual({ topics, hidden: 0 });
  });

  it('past its room keeps the groups behind first, then the rest in order, and counts what it left out', () => {
    const topics = [
      topic('a', consumer('x'), consumer('y')),
      topic('b', consumer('z', 2)),
      topic('c', consumer('w'), consumer('v', 1)),
    ];
    const folded = foldTopics(topics, 3);
    expect(rows(folded.topics)).toEqual(['a:x', 'b:z', 'c:v']);
    expect(folded.hidden).toBe(2);
  });

  it('splits rows exactly, showing a topic on both sides when its groups straddle the two tables', () => {
    const topics = [
      topic('a', consumer('x')),
      topic('b', consumer('y'), consumer('z')),
      topic('c', consumer('w')),
    ];
    const [left, right] = splitRows(topics, 2);
    expect(rows(left)).toEqual(['a:x', 'b:y']);
    expect(rows(right)).toEqual(['b:z', 'c:w']);
  });
});
