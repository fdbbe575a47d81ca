import { describe, expect, it, vi } from 'vitest';
import { foldFrame, TelemetryBatcher } from './telemetryBatcher';
import type { Fact } from './telemetry';
import type { RelayStats } from './service/relayMeter';

const stats = (published: number): RelayStats => ({
  mode: 'polling',
  outboxQueries: 0,
  logReads: 0,
  emptyReads: 0,
  rowsMarked: published,
  rowsHanded: published,
  published,
  latencyP50Ms: 5,
  position: null,
});

const commit = (service: 'order' | 'payment', key: string): Fact => ({
  kind: 'commit',
  service,
  changes: [{ table: 'orders', op: 'put', key, row: { id: key } }],
});
const published = (service: 'order' | 'payment', count: number, topics = ['Order']): Fact => ({
  kind: 'published',
  service,
  count,
  topics,
});
const relay = (service: 'order' | 'payment', n: number): Fact => ({
  kind: 'relay',
  service,
  stats: stats(n),
});

describe('foldFrame', () => {
  it("keeps every transaction, in order, and of each meter's readings only the frame's newest", () => {
    const facts = [
      commit('order', 'o1'),
      relay('order', 1),
      relay('payment', 1),
      commit('order', 'o2'),
      relay('order', 2),
      { kind: 'broker', stats: { partitions: [], groups: [], deadLetters: 0, paused: false } } as Fact,
      commit('payment', 'p1'),
      { kind: 'broker', stats: { partitions: [], groups: [], deadLetters: 3, paused: false } } as Fact,
    ];
    expect(foldFrame(facts)).toEqual([facts[0], facts[2], facts[3], facts[4], facts[6], facts[7]]);
  });

  it("sums a run of one service's publishes, however its relay's readings came between them", () => {
    const facts = [
      published('order', 2),
      relay('order', 2),
      published('order', 3, ['Order', 'Saga']),
      relay('order', 5),
      published('payment', 1, ['Payment']),
    ];
    expect(foldFrame(facts)).toEqual([
      published('order', 5, ['Order', 'Saga']),
      relay('order', 5),
      published('payment', 1, ['Payment']),
    ]);
  });

  it('does not sum publishes a transaction came between: what came first stays first', () => {
    const facts = [published('order', 1), commit('order', 'o1'), published('order', 1)];
    expect(foldFrame(facts)).toEqual(facts);
  });
});

describe('TelemetryBatcher', () => {
  it('sends a frame folded only while the run says so (a deterministic run sends what happened)', () => {
    vi.useFakeTimers();
    try {
      const sent: Fact[][] = [];
      let live = true;
      const batcher = new TelemetryBatcher(
        (facts) => sent.push(facts),
        () => live,
      );
      batcher.emit(relay('order', 1));
      batcher.emit(relay('order', 2));
      vi.advanceTimersByTime(16);
      live = false;
      batcher.emit(relay('order', 3));
      batcher.emit(relay('order', 4));
      batcher.flush();
      expect(sent).toEqual([[relay('order', 2)], [relay('order', 3), relay('order', 4)]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
