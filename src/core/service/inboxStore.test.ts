import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { dbFixture } from '../../test/dbFixture';
import { CHANGES_TABLE } from '../cdc/changeEvent';
import type { InboxRow } from '../rows';
import { SERVICES } from '../services';
import type { Change } from '../telemetry';
import { commitCapture } from './commitCapture';
import {
  addToInbox,
  AlreadyInInbox,
  describeInboxWrite,
  INBOX_BATCHES,
  inboxHolds,
  type InboxBatch,
} from './inboxStore';
import { COMMON_TABLES, dumpTables, openServiceDb, serviceDbName } from './serviceDb';

const fixture = dbFixture('inbox');
const dexie = { indexedDB, IDBKeyRange };
const tables = SERVICES.payment.tables;

const row = (id: string): InboxRow => ({ message_id: id, processed_at: 5, result: `did ${id}`, type: 'A' });

async function opened(runId = fixture.newRun(), capture?: Parameters<typeof openServiceDb>[4]) {
  const db = fixture.track(openServiceDb(runId, 'payment', tables, dexie, capture));
  await db.open();
  return { db, batches: db.table<InboxBatch>(INBOX_BATCHES) };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('the inbox stored one record per transaction', () => {
  it('writes a transaction’s rows in one request, read back one row per message in id order', async () => {
    const { db, batches } = await opened();
    const counter = fixture.count();
    await db.transaction('rw', batches, () => addToInbox(batches, [row('m3'), row('m1'), row('m2')]));
    expect(Object.fromEntries(counter.counts.methods)).toEqual({ [`payment.${INBOX_BATCHES}.add`]: 1 });
    await db.transaction('rw', batches, () => addToInbox(batches, [row('m0')]));
    const dump = await dumpTables(db);
    expect(dump.inbox).toEqual([row('m0'), row('m1'), row('m2'), row('m3')]);
    expect(dump[INBOX_BATCHES]).toBeUndefined();
    expect(await inboxHolds(batches, 'm2')).toBe(true);
    expect(await inboxHolds(batches, 'm9')).toBe(false);
  });

  it('refuses a record holding any message it has: AlreadyInInbox names those, and nothing of it is kept', async () => {
    const { db, batches } = await opened();
    await db.transaction('rw', batches, () => addToInbox(batches, [row('m1'), row('m2')]));
    const error = await refusal(
      db.transaction('rw', batches, () => addToInbox(batches, [row('m0'), row('m2'), row('m1'), row('m3')])),
    );
    expect(error).toBeInstanceOf(AlreadyInInbox);
    expect((error as AlreadyInInbox).ids.sort()).toEqual(['m1', 'm2']);
    expect((await dumpTables(db)).inbox).toEqual([row('m1'), row('m2')]);
  });

  it('reports a committed record as its rows’ inbox puts, and the change log never sees it', async () => {
    const runId = fixture.newRun();
    const capture = { tables: ['outbox'], now: () => 0, newTxId: () => 'tx' };
    const db = fixture.track(openServiceDb(runId, 'payment', tables, dexie, capture));
    const commits: Change[][] = [];
    db.use(commitCapture((changes) => commits.push(changes), describeInboxWrite));
    await db.open();
    const batches = db.table<InboxBatch>(INBOX_BATCHES);
    await db.transaction('rw', db.tables, () => addToInbox(batches, [row('m2'), row('m1')]));
    expect(commits).toEqual([
      [
        { table: 'inbox', op: 'put', key: 'm2', row: row('m2') },
        { table: 'inbox', op: 'put', key: 'm1', row: row('m1') },
      ],
    ]);
    expect(await db.table(CHANGES_TABLE).count()).toBe(0);
  });

  it('opens a version 2 database: its inbox rows moved into the new table, and a duplicate still refused', async () => {
    const runId = fixture.newRun();
    const old = new Dexie(serviceDbName(runId, 'payment'), dexie);
    old.version(2).stores({ ...tables, ...COMMON_TABLES });
    const saved = [row('m1'), row('m2'), row('m3')];
    await old.table('inbox').bulkAdd(saved);
    old.close();

    const { db, batches } = await opened(runId);
    expect(db.tables.map((t) => t.name)).not.toContain('inbox');
    expect((await dumpTables(db)).inbox).toEqual(saved);
    const error = await refusal(db.transaction('rw', batches, () => addToInbox(batches, [row('m2')])));
    expect((error as AlreadyInInbox).ids).toEqual(['m2']);
    await db.transaction('rw', batches, () => addToInbox(batches, [row('m4')]));
    expect(((await dumpTables(db)).inbox as unknown as InboxRow[]).map((r) => r.message_id)).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
    ]);
  });
});
