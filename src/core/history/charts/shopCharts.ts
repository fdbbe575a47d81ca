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

interface Offsets {
  /** Next offset per `topic\0partition`. */
  end: Map<string, number>;
  /** Committed offset per `group\0topic\0partition`. */
  committed: Map<string, number>;
  /** Partitions per topic (its `topics` row). */
  partitions: Map<string, number>;
  /** The topics each group reads: fixed over a run, so learned from the whole history first. */
  reads: Map<string, Set<string>>;
}

const tp = (topic: string, partition: number) => `${topic}\u0000${partition}`;

function offsetsStart(): Offsets {
  return { end: new Map(), committed: new Map(), partitions: new Map(), reads: new Map() };
}

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
    for (const row of f.tables.topics ?? []) s.partitions.set(String(row.name), Number(row.partitions));
    return;
  }
  if (f.kind !== 'broker-commit') return;
  for (const c of f.changes) {
    if (c.op !== 'put') continue;
    if (c.table === 'log') bumpEnd(s, c.row as unknown as LogRow);
    else if (c.table === 'offsets') setCommitted(s, c.row);
    else if (c.table === 'topics') s.partitions.set(String(c.row.name), Number(c.row.partitions));
  }
}

function bumpEnd(s: Offsets, row: LogRow): void {
  const key = tp(row.topic, row.partition);
  s.end.set(key, Math.max(s.end.get(key) ?? 0, row.offset + 1));
}

function setCommitted(s: Offsets, row: Record<string, unknown>): void {
  s.committed.set(
    `${String(row.group)}\u0000${tp(String(row.topic), Number(row.partition))}`,
    Number(row.committed),
  );
}

/** Every partition of a topic: as many as its `topics` row says, and any the log has records in. */
function partitionsOf(s: Offsets, topic: string): number[] {
  const n = s.partitions.get(topic) ?? 0;
  const seen = Array.from({ length: n }, (_, i) => i);
  for (const key of s.end.keys()) {
    const [t, p] = key.split('\u0000');
    if (t === topic && !seen.includes(Number(p))) seen.push(Number(p));
  }
  return seen;
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

function lagOf(s: Offsets): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, topics] of s.reads) {
    let lag = 0;
    for (const topic of topics)
      for (const p of partitionsOf(s, topic)) {
        const end = s.end.get(tp(topic, p)) ?? 0;
        lag += Math.max(0, end - (s.committed.get(`${group}\u0000${tp(topic, p)}`) ?? 0));
      }
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
  for (const [key, end] of s.end) {
    const topic = key.slice(0, key.indexOf('\u0000'));
    const groups = readers.get(topic);
    if (!groups) continue; // read by no group: nothing will ever ack it
    const acked = Math.min(...groups.map((g) => s.committed.get(`${g}\u0000${key}`) ?? 0));
    total += Math.max(0, end - acked);
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
