import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { eventOf } from '../../test/brokerAlone';
import { openBrokerDb, type BrokerDb, type LogRow } from '../broker/brokerDb';
import { appendRows, deleteBatchesBelow } from '../broker/logStore';
import type { Fact } from '../telemetry';
import { reportBrokerCommits, reportBrokerTables } from './brokerFacts';

let runs = 0;
const open: BrokerDb[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

const record = (partition: number, offset: number): LogRow => ({
  topic: 't',
  partition,
  offset,
  event: eventOf(`m${partition}-${offset}`, 'A'),
  appended_at: 7,
});

async function reported() {
  const facts: Fact[] = [];
  const db = openBrokerDb(`facts${++runs}-${Date.now().toString(36)}`, { indexedDB, IDBKeyRange });
  reportBrokerCommits(db, (f) => facts.push(f));
  await db.open();
  open.push(db);
  facts.length = 0; // the upgrade's (empty) commit is not what these tests look at
  return { db, facts };
}

const settled = () => new Promise((r) => setTimeout(r, 10));

describe('broker facts over the batched log', () => {
  it('reports a stored batch as its records’ log puts, as when each record was a row', async () => {
    const { db, facts } = await reported();
    const rows = [record(0, 0), record(1, 0), record(0, 1)];
    await db.transaction('rw', db.batches, () => appendRows(db, rows));
    await settled();
    expect(facts).toEqual([
      {
        kind: 'broker-commit',
        changes: [rows[0], rows[2], rows[1]].map((row) => ({
          table: 'log',
          op: 'put',
          key: [row.topic, row.partition, row.offset],
          row,
        })),
      },
    ]);
  });

  it('hydrates with the records under `log`, never the batches', async () => {
    const { db, facts } = await reported();
    await appendRows(db, [record(0, 0), record(0, 1), record(1, 0)]);
    await db.topics.put({ name: 't', partitions: 2 });
    facts.length = 0;
    await reportBrokerTables(db, (f) => facts.push(f));
    const hydrate = facts[0] as Extract<Fact, { kind: 'broker-hydrate' }>;
    expect(Object.keys(hydrate.tables).sort()).toEqual(['attempts', 'log', 'offsets', 'topics']);
    expect(hydrate.tables.log).toEqual([record(0, 0), record(0, 1), record(1, 0)]);
  });

  it('reports a retention delete as a log clear, and reads the log again', async () => {
    const { db, facts } = await reported();
    await appendRows(db, [record(0, 0), record(0, 1)]);
    await appendRows(db, [{ ...record(0, 2), appended_at: 8 }]);
    await settled();
    facts.length = 0;
    await db.transaction('rw', db.batches, () => deleteBatchesBelow(db, 't', 0, 2));
    await settled();
    expect(facts[0]).toEqual({ kind: 'broker-commit', changes: [{ table: 'log', op: 'clear' }] });
    expect(facts[1]).toEqual({
      kind: 'broker-hydrate',
      tables: expect.objectContaining({ log: [{ ...record(0, 2), appended_at: 8 }] }),
    });
  });
});
