// The shop's charts over time, as ChartDerivers over its facts: each
// service's outbox backlog (rows written and not yet on the broker), each
// consumer group's lag (end offset − committed offset over the partitions of
// the topics it reads), the messages in flight (appended and not yet acked
// by every group that reads their topic) and each service's commits per
// second. Pure.

import type { LogRow } from '../../broker/brokerDb';
import type { Fact } from '../../telemetry';
import { keyText } from '../keyOrder';
import type { ChartDeriver } from './chartSeries';

/** By topic, then partition: an offset (a partition's next one, a group's committed one). */
type ByPartition = Map<string, Map<number, number>>;

interface Offsets {
  /** Next offset per topic and partition. */
  end: ByPartition;
  /** Committed offset per group, topic and partition. */
  committed: Map<string, ByPartition>;
  /** The topics each group reads: fixed over a run, so learned from the whole history first. */
  reads: Map<string, Set<string>>;
}

function offsetsStart(): Offsets {
  return { end: new Map(), committed: new Map(), reads: new Map() };
}

const partitionsOf = (offsets: ByPartition, topic: string) =>
  offsets.get(topic) ?? offsets.set(topic, new Map()).get(topic)!;

function surveyReads(s: Offsets, fact: { kind: string }): boolean {
  const f = fact as Fact;
  let learned = false;
  const read = (group: string, topic: string) => {
    const topics = s.reads.get(group) ?? s.reads.set(group, new Set()).get(group)!;
    if (!topics.has(topic)) learned = true;
    topics.add(topic);
  };
  if (f.kind === 'broker-commit')
    for (const c of f.changes) {
      if (c.op === 'put' && c.table === 'offsets') read(String(c.row.group), String(c.row.topic));
    }
  if (f.kind === 'broker') for (const g of f.stats.groups) read(g.group, g.topic);
  return learned;
}

function applyOffsets(s: Offsets, fact: { kind: string }): void {
  const f = fact as Fact;
  if (f.kind === 'broker-hydrate') {
    for (const row of (f.tables.log ?? []) as unknown as LogRow[]) bumpEnd(s, row);
    for (const row of f.tables.offsets ?? []) setCommitted(s, row);
    return;
  }
  if (f.kind !== 'broker-commit') return;
  for (const c of f.changes) {
    if (c.op !== 'put') continue;
    if (c.table === 'log') bumpEnd(s, c.row as unknown as LogRow);
    else if (c.table === 'offsets') setCommitted(s, c.row);
  }
}

function bumpEnd(s: Offsets, row: LogRow): void {
  const partitions = partitionsOf(s.end, row.topic);
  partitions.set(row.partition, Math.max(partitions.get(row.partition) ?? 0, row.offset + 1));
}

function setCommitted(s: Offsets, row: Record<string, unknown>): void {
  const group = String(row.group);
  const byTopic = s.committed.get(group) ?? s.committed.set(group, new Map()).get(group)!;
  partitionsOf(byTopic, String(row.topic)).set(Number(row.partition), Number(row.committed));
}

/** Both charts of the broker's offsets, from one fold of its log and its groups' committed offsets. */
export const brokerOffsets: ChartDeriver<Offsets> = {
  kinds: ['broker-commit', 'broker-hydrate', 'broker'],
  charts: [
    { id: 'lag', title: 'Consumer lag per group', unit: 'records', kind: 'gauge' },
    {
      id: 'in-flight',
      title: 'Messages in flight: published, not yet acked by every reader',
      unit: 'messages',
      kind: 'gauge',
    },
  ],
  start: offsetsStart,
  survey: surveyReads,
  apply: applyOffsets,
  sample: (s) => [lagOf(s), inFlightOf(s)],
};

/**
 * Each group's records not yet committed, over the partitions of the topics it reads. Only a partition the
 * log has records in counts: one its `topics` row names and no record reached has nothing to lag behind.
 * Sampled after every time the broker's facts have (chartsFold), so it walks the offsets, not the log.
 */
function lagOf(s: Offsets): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, topics] of s.reads) {
    let lag = 0;
    const committed = s.committed.get(group);
    for (const topic of topics)
      for (const [p, end] of s.end.get(topic) ?? [])
        lag += Math.max(0, end - (committed?.get(topic)?.get(p) ?? 0));
    out[group] = lag;
  }
  return out;
}

function inFlightOf(s: Offsets): Record<string, number> {
  if (!s.end.size) return {};
  const readers = new Map<string, string[]>();
  for (const [group, topics] of s.reads)
    for (const t of topics) (readers.get(t) ?? readers.set(t, []).get(t)!).push(group);
  let total = 0;
  for (const [topic, partitions] of s.end) {
    const groups = readers.get(topic);
    if (!groups) continue; // read by no group: nothing will ever ack it
    for (const [p, end] of partitions) {
      let acked = Infinity;
      for (const g of groups) acked = Math.min(acked, s.committed.get(g)?.get(topic)?.get(p) ?? 0);
      total += Math.max(0, end - acked);
    }
  }
  return { 'in flight': total };
}

interface Backlog {
  /** Each service's outbox rows not yet published, by CloudEvent id; and each row's key, for a delete. */
  pending: Map<string, Set<string>>;
  keys: Map<string, string>;
  owner: Map<string, string>;
}

export const outboxBacklog: ChartDeriver<Backlog> = {
  kinds: ['hydrate', 'commit', 'broker-commit'],
  charts: [{ id: 'backlog', title: 'Outbox backlog per service', unit: 'rows', kind: 'gauge' }],
  start: () => ({ pending: new Map(), keys: new Map(), owner: new Map() }),
  apply(s, fact) {
    const f = fact as Fact;
    const of = (service: string) => s.pending.get(service) ?? s.pending.set(service, new Set()).get(service)!;
    if (f.kind === 'hydrate') {
      const pending = of(f.service);
      pending.clear();
      for (const row of f.tables.outbox ?? []) if (row.published_at == null) pending.add(String(row.id));
    } else if (f.kind === 'commit') {
      for (const c of f.changes) {
        if (c.table !== 'outbox') continue;
        const pending = of(f.service);
        if (c.op === 'clear') pending.clear();
        else if (c.op === 'delete') pending.delete(s.keys.get(`${f.service}\u0000${keyText(c.key)}`) ?? '');
        else {
          const id = String(c.row.id);
          s.keys.set(`${f.service}\u0000${keyText(c.key)}`, id);
          s.owner.set(id, f.service);
          if (c.row.published_at == null && !s.owner.has(`published\u0000${id}`)) pending.add(id);
          else pending.delete(id);
        }
      }
    } else if (f.kind === 'broker-commit') {
      // A log-tailing relay never marks its rows: a row is published once the broker has its record.
      for (const c of f.changes)
        if (c.op === 'put' && c.table === 'log') {
          const id = (c.row as unknown as LogRow).event.id;
          s.owner.set(`published\u0000${id}`, 'broker');
          const service = s.owner.get(id);
          if (service) of(service).delete(id);
        }
    }
  },
  sample: (s) => [Object.fromEntries([...s.pending].map(([service, rows]) => [service, rows.size]))],
};

export const commitsPerSecond: ChartDeriver<Map<string, number>> = {
  kinds: ['commit'],
  charts: [
    {
      id: 'throughput',
      title: 'Throughput per service',
      unit: 'commits / s',
      kind: 'rate',
    },
  ],
  start: () => new Map(),
  apply(s, fact) {
    const f = fact as Fact;
    if (f.kind === 'commit') s.set(f.service, (s.get(f.service) ?? 0) + 1);
  },
  sample: (s) => [Object.fromEntries(s)],
};

export const SHOP_CHARTS = [outboxBacklog, brokerOffsets, commitsPerSecond];
