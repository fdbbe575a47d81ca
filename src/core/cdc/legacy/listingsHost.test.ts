import { afterEach, describe, expect, it } from 'vitest';
import { indexedDB, IDBKeyRange } from 'fake-indexeddb';
import { isCrash } from '../../crash';
import type { CdcReport } from '../cdcTypes';
import { toChangeRecord } from '../changeEvent';
import { ListingsHost } from './listingsHost';
import { SEED_LISTINGS } from './listingData';
import { openListingsDb } from './listingsDb';

const dexie = { indexedDB, IDBKeyRange };
let hosts: ListingsHost[] = [];
let runs = 0;
afterEach(() => {
  hosts.forEach((h) => h.close());
  hosts = [];
});

async function listings(runId = `lst${++runs}`, reports: CdcReport[] = []): Promise<ListingsHost> {
  const host: ListingsHost = new ListingsHost({
    runId,
    dexie,
    now: () => 7_000,
    seed: 42,
    emit: (r) => void reports.push(r),
    die: () => host.close(),
  });
  hosts.push(host);
  await host.start();
  return host;
}

describe('the legacy listings service', () => {
  it('starts with its seed listings, captured in the log like any write', async () => {
    const host = await listings();
    expect((await host.listings()).map((l) => l.id)).toEqual(SEED_LISTINGS.map((l) => l.id));
    const log = await host.changes();
    expect(log.map((c) => [c.op, c.key])).toEqual(SEED_LISTINGS.map((l) => ['c', l.id]));
    // One transaction: the seed shares a txId.
    expect(new Set(log.map((c) => c.source.txId)).size).toBe(1);
  });

  it('turns a create, an update and a delete into c, u and d envelopes with the right before and after', async () => {
    const reports: CdcReport[] = [];
    const host = await listings(undefined, reports);
    const head = await host.head();
    const id = await host.write({
      op: 'create',
      listing: { id: 'L-new', title: 'Tiny house', city: 'Porto', price: 50, amenities: ['wifi'] },
    });
    await host.write({ op: 'update', id, changes: { price: 65 } });
    await host.write({ op: 'delete', id });
    const [created, updated, deleted] = (await host.changes(head)).map((row) => toChangeRecord(row));
    const row = {
      id: 'L-new',
      title: 'Tiny house',
      city: 'Porto',
      price: 50,
      amenities: ['wifi'],
      updated_at: 7_000,
    };
    expect(created).toMatchObject({
      key: 'L-new',
      value: {
        op: 'c',
        before: null,
        after: row,
        source: { service: 'listings', table: 'listings', sequence: head + 1 },
      },
    });
    expect(updated).toMatchObject({
      key: 'L-new',
      value: { op: 'u', before: row, after: { ...row, price: 65 }, source: { sequence: head + 2 } },
    });
    expect(deleted).toMatchObject({
      key: 'L-new',
      value: { op: 'd', before: { ...row, price: 65 }, after: null, source: { sequence: head + 3 } },
    });
    // Each write its own transaction; the canvas hears each commit with its change row.
    expect(new Set([created, updated, deleted].map((r) => r.value.source.txId)).size).toBe(3);
    const commits = reports.filter((r) => r.kind === 'commit').slice(-3);
    expect(commits.map((c) => (c.kind === 'commit' ? c.changes.map((ch) => ch.table) : []))).toEqual([
      ['listings', 'changes'],
      ['listings', 'changes'],
      ['listings', 'changes'],
    ]);
  });

  it('refuses to update or delete a listing that is not there, and logs nothing for it', async () => {
    const host = await listings();
    const head = await host.head();
    await expect(host.write({ op: 'update', id: 'L-none', changes: { price: 1 } })).rejects.toThrow(
      /no listing L-none/,
    );
    await expect(host.write({ op: 'delete', id: 'L-none' })).rejects.toThrow(/no listing L-none/);
    expect(await host.head()).toBe(head);
  });

  it('draws the same random writes from the same seed and state', async () => {
    const a = await listings();
    const b = await listings();
    await a.writeMany(25);
    await b.writeMany(25);
    const strip = (rows: { source: { txId: string } }[]) =>
      rows.map((r) => ({ ...r, source: { ...r.source, txId: '' } }));
    expect(strip(await a.changes())).toEqual(strip(await b.changes()));
    const ops = new Set((await a.changes(SEED_LISTINGS.length)).map((c) => c.op));
    expect(ops).toEqual(new Set(['c', 'u', 'd']));
  });

  it('a crash before commit takes the row and its change row back together', async () => {
    const runId = `lst${++runs}`;
    const host = await listings(runId);
    const head = await host.head();
    host.arm('before-commit');
    const failed = await host.write({ op: 'create', listing: { id: 'L-lost' } }).catch((e: unknown) => e);
    expect(isCrash(failed)).toBe(true);
    // Read back through a fresh connection, as the restarted service would.
    const db = openListingsDb(runId, dexie, { capture: false });
    expect(await db.table('listings').get('L-lost')).toBeUndefined();
    expect(await db.table('changes').count()).toBe(head);
    db.close();
  });
});
