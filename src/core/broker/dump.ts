// The broker's state as read from its own database, for snapshot().

import type { BrokerDb, LogRow } from './brokerDb';
import type { BrokerStats } from '../telemetry';
import { DEAD_LETTER_TOPIC } from './wire';
import type { BrokerDump } from './brokerOperations';

export type { BrokerDump } from './brokerOperations';

export async function dumpBroker(db: BrokerDb, live: BrokerStats): Promise<BrokerDump> {
  return db.transaction('r', db.log, db.topics, db.offsets, async () => {
    const topicRows = await db.topics.toArray();
    const prunedUntil = Object.fromEntries(
      topicRows.flatMap((t) => (t.prunedUntil === undefined ? [] : [[t.name, t.prunedUntil]])),
    );
    const topics = await Promise.all(
      topicRows.map(async (t) => ({
        name: t.name,
        partitions: await Promise.all(
          Array.from({ length: t.partitions }, async (_, p) => {
            const range = db.log
              .where('[topic+partition+offset]')
              .between([t.name, p, 0], [t.name, p, Number.MAX_SAFE_INTEGER]);
            const last = await range.clone().last();
            return { partition: p, endOffset: last ? last.offset + 1 : 0, records: await range.count() };
          }),
        ),
      })),
    );
    const deadLetters = (
      await db.log
        .where('[topic+partition+offset]')
        .between([DEAD_LETTER_TOPIC, 0, 0], [DEAD_LETTER_TOPIC, Number.MAX_SAFE_INTEGER, 0])
        .toArray()
    ).map((r) => r.event);
    const subjects: Record<string, string[]> = {};
    await db.log.each((r) => void (subjects[r.topic] ??= []).push(r.event.subject));
    for (const topic of Object.keys(subjects)) subjects[topic] = [...new Set(subjects[topic])];
    return { topics, offsets: await db.offsets.toArray(), deadLetters, subjects, live, prunedUntil };
  });
}

/** Every record of the log, dead letters included, for the run's exports: the log may be long, so dumpBroker leaves it out. */
export async function readLog(db: BrokerDb): Promise<LogRow[]> {
  return db.log.toArray();
}
