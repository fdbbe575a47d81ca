// The broker's state as read from its own database, for snapshot().

import type { BrokerDb, LogRow } from './brokerDb';
import type { BrokerStats } from '../telemetry';
import { readAllRecords } from './logStore';
import { DEAD_LETTER_TOPIC } from './wire';
import type { BrokerDump } from './brokerOperations';

export type { BrokerDump } from './brokerOperations';

export async function dumpBroker(db: BrokerDb, live: BrokerStats): Promise<BrokerDump> {
  return db.transaction('r', db.batches, db.topics, db.offsets, async () => {
    const topicRows = await db.topics.toArray();
    const prunedUntil = Object.fromEntries(
      topicRows.flatMap((t) => (t.prunedUntil === undefined ? [] : [[t.name, t.prunedUntil]])),
    );
    // The dump names every record's subject anyway: one read of the whole log, figured in memory.
    const records = await readAllRecords(db);
    const figures = new Map<string, { endOffset: number; records: number }>();
    for (const r of records) {
      const k = `${r.topic}#${r.partition}`;
      const f = figures.get(k) ?? { endOffset: 0, records: 0 };
      figures.set(k, { endOffset: Math.max(f.endOffset, r.offset + 1), records: f.records + 1 });
    }
    const topics = topicRows.map((t) => ({
      name: t.name,
      partitions: Array.from({ length: t.partitions }, (_, p) => ({
        partition: p,
        ...(figures.get(`${t.name}#${p}`) ?? { endOffset: 0, records: 0 }),
      })),
    }));
    const deadLetters = records.filter((r) => r.topic === DEAD_LETTER_TOPIC).map((r) => r.event);
    const subjects: Record<string, string[]> = {};
    for (const r of records) (subjects[r.topic] ??= []).push(r.event.subject);
    for (const topic of Object.keys(subjects)) subjects[topic] = [...new Set(subjects[topic])];
    return { topics, offsets: await db.offsets.toArray(), deadLetters, subjects, live, prunedUntil };
  });
}

/** Every record of the log, dead letters included, for the run's exports: the log may be long, so dumpBroker leaves it out. */
export async function readLog(db: BrokerDb): Promise<LogRow[]> {
  return readAllRecords(db);
}
