// The broker log's figures as dumpBroker reads them — each partition's last
// offset and record count, each topic's distinct subjects (in log order),
// the dead letters — from the folded log. The log is the biggest table a
// moment reads, so the figures of a shared leaf (one that never changes
// again: a checkpoint's) are kept, and a moment reads only the rows of the
// leaves its own fold wrote. Pure.

import { DEAD_LETTER_TOPIC } from '../broker/wire';
import type { LogRow } from '../broker/brokerDb';
import type { Row } from '../rows';
import type { TablesMirror } from './tablesMirror';

export interface PartitionFigures {
  last: number;
  records: number;
}

interface TopicFigures<S> {
  partitions: Map<number, PartitionFigures>;
  subjects: S;
}

interface LeafFigures {
  topics: Map<string, TopicFigures<string[]>>;
  deadLetters: unknown[];
}

export interface LogFigures {
  topics: Map<string, TopicFigures<Set<string>>>;
  deadLetters: unknown[];
}

/** Keyed by a shared leaf's rows, which never change; dropped with the leaf. */
const kept = new WeakMap<readonly Row[], LeafFigures>();

function leafFigures(rows: readonly Row[]): LeafFigures {
  const topics = new Map<string, TopicFigures<Set<string>>>();
  const deadLetters: unknown[] = [];
  for (const row of rows) {
    const r = row as unknown as LogRow;
    let topic = topics.get(r.topic);
    if (!topic) topics.set(r.topic, (topic = { partitions: new Map(), subjects: new Set() }));
    const p = topic.partitions.get(r.partition);
    if (p) {
      p.last = r.offset;
      p.records++;
    } else topic.partitions.set(r.partition, { last: r.offset, records: 1 });
    topic.subjects.add(r.event.subject);
    if (r.topic === DEAD_LETTER_TOPIC) deadLetters.push(r.event);
  }
  return {
    topics: new Map(
      [...topics].map(([name, t]) => [name, { partitions: t.partitions, subjects: [...t.subjects] }]),
    ),
    deadLetters,
  };
}

/** The log's figures: leaves come in key order, so a partition's last leaf holds its last offset. */
export function logFigures(dbs: TablesMirror): LogFigures {
  const topics = new Map<string, TopicFigures<Set<string>>>();
  const deadLetters: unknown[] = [];
  dbs.forEachLeaf('broker', 'log', (rows, shared) => {
    let leaf = shared ? kept.get(rows) : undefined;
    if (!leaf) {
      leaf = leafFigures(rows);
      if (shared) kept.set(rows, leaf);
    }
    for (const [name, t] of leaf.topics) {
      let topic = topics.get(name);
      if (!topic) topics.set(name, (topic = { partitions: new Map(), subjects: new Set() }));
      for (const [partition, p] of t.partitions) {
        const all = topic.partitions.get(partition);
        if (all) {
          all.last = p.last;
          all.records += p.records;
        } else topic.partitions.set(partition, { ...p });
      }
      for (const subject of t.subjects) topic.subjects.add(subject);
    }
    for (const d of leaf.deadLetters) deadLetters.push(d);
  });
  return { topics, deadLetters };
}
