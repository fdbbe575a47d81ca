// An in-memory CdcController for unit tests and screenshot harnesses: the
// legacy table and its change log, a connector with a position that can lag
// and republish after a crash, a topic, and a search read model that skips
// what it has seen — on plain arrays on the main thread, ticking on a timer.
// The listings' data comes from core (listingData), so rows look like the real run's.

import type { ChangeEvent } from '../../core/cdc/changeEvent';
import { randomWrite, SEED_LISTINGS } from '../../core/cdc/legacy/listingData';
import type { CrashPoint } from '../../core/crashPoints';
import type { Anomaly } from '../../core/invariants';
import { seededRandom } from '../../core/random';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario/scenario';
import type { Change } from '../../core/telemetry';
import type { ProcessStatus } from '../../runtime/controller';
import type {
  CdcController,
  CdcEvent,
  CdcNode,
  CdcProcess,
  ConnectorState,
  ListingRow,
  ListingWrite,
} from '../../runtime/cdcController';
import { FakeSearchModel } from './fakeSearchModel';

export interface FakeCdcOptions {
  /** The connector's and query's tick, and how many changes each handles per tick: small numbers make them lag. */
  tickMs?: number;
  batch?: number;
  /** Pause between writeMany's writes, so its progress can be watched. */
  writeDelayMs?: number;
  seed?: number;
  now?: () => number;
}

export interface FakeCdcController extends CdcController {
  /** Test hook: the checker's verdict, as if the runtime had sent it. */
  announceAnomalies(anomalies: Anomaly[]): void;
}

const SERVICE = 'listings';
const TOPIC = 'listings.listings';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createFakeCdcController(options: FakeCdcOptions = {}): FakeCdcController {
  const opt = { tickMs: 80, batch: 5, writeDelayMs: 15, seed: 1, now: Date.now, ...options };
  const scenario: Scenario = { ...DEFAULT_SCENARIO, topology: 'cdc', pace: 'fast', seed: opt.seed };
  const random = seededRandom(opt.seed);
  const listeners = new Set<(events: CdcEvent[]) => void>();
  const status: Record<CdcNode, ProcessStatus> = {
    listings: 'running',
    connector: 'running',
    broker: 'running',
    query: 'running',
  };
  const armed: Record<CdcProcess, CrashPoint | null> = { listings: null, connector: null, query: null };
  const table = new Map<string, ListingRow>(
    SEED_LISTINGS.map((l) => [l.id, { ...l, updated_at: opt.now() }]),
  );
  const log: ChangeEvent[] = [];
  const topic: ChangeEvent[] = [];
  const search = new FakeSearchModel();
  const conn = { seq: 0, inFlight: 0, snapshotted: false, published: 0, duplicates: 0, snapshotRows: 0 };
  let queryOffset = 0;
  let anomalies: Anomaly[] = [];
  let tx = 0;

  const emit = (events: CdcEvent[]) => listeners.forEach((l) => l(events));
  const up = (p: CdcNode) => {
    if (status[p] !== 'running')
      throw Object.assign(new Error(`${p} is ${status[p]}: restart it first`), { name: 'PROCESS_DOWN' });
  };
  const die = (p: CdcNode, point: string) => {
    status[p] = 'crashed';
    if (p !== 'broker') armed[p] = null;
    emit([
      { kind: 'crashed', process: p, point },
      { kind: 'process', process: p, status: 'crashed', armed: null },
    ]);
  };
  /** A process passing a crash point: dies there if it is armed. */
  const reach = (p: CdcProcess, point: CrashPoint): boolean => {
    if (armed[p] !== point) return false;
    die(p, point);
    return true;
  };
  const head = () => log.at(-1)?.source.sequence ?? 0;
  const connectorState = (): ConnectorState => ({
    sources: [
      {
        service: SERVICE,
        position: { seq: conn.seq, ...(conn.inFlight > conn.seq && { inFlight: conn.inFlight }) },
        head: head(),
        lag: head() - conn.seq,
      },
    ],
    published: conn.published,
    duplicates: conn.duplicates,
    snapshotRows: conn.snapshotRows,
    warnings: 0,
  });

  function change(op: 'c' | 'u' | 'd', before: ListingRow | null, after: ListingRow | null): ChangeEvent {
    const event: ChangeEvent = {
      before: before && { ...before },
      after: after && { ...after },
      op,
      source: { service: SERVICE, table: 'listings', txId: `tx-${++tx}`, sequence: head() + 1 },
      ts_ms: opt.now(),
    };
    log.push(event);
    return event;
  }

  function applyWrite(write: ListingWrite): string {
    up('listings');
    if (reach('listings', 'before-commit')) throw new Error('listings crashed at before-commit');
    const at = opt.now();
    let id: string;
    let event: ChangeEvent;
    if (write.op === 'create') {
      id = write.listing?.id ?? `L-${String(table.size + 100).padStart(3, '0')}`;
      const row: ListingRow = {
        title: 'New listing',
        city: 'Lisbon',
        price: 100,
        amenities: ['wifi'],
        ...write.listing,
        id,
        updated_at: at,
      };
      table.set(id, row);
      event = change('c', null, row);
    } else if (write.op === 'update') {
      id = write.id;
      const before = table.get(id);
      if (!before) throw new Error(`no listing ${id}`);
      const after = { ...before, ...write.changes, updated_at: at };
      table.set(id, after);
      event = change('u', before, after);
    } else {
      id = write.id;
      const before = table.get(id);
      if (!before) throw new Error(`no listing ${id}`);
      table.delete(id);
      event = change('d', before, null);
    }
    const changes: Change[] = event.after
      ? [{ table: 'listings', op: 'put', key: id, row: { ...event.after } }]
      : [{ table: 'listings', op: 'delete', key: id }];
    emit([{ kind: 'commit', service: 'listings', changes }]);
    return id;
  }

  function connectorTick() {
    if (status.connector !== 'running' || status.broker !== 'running') return;
    if (!conn.snapshotted) {
      const seq = head();
      const rows = [...table.values()];
      for (const row of rows)
        topic.push({
          before: null,
          after: { ...row },
          op: 'r',
          source: { service: SERVICE, table: 'listings', txId: 'snapshot', sequence: seq, snapshot: true },
          ts_ms: opt.now(),
        });
      conn.published += rows.length;
      conn.snapshotRows += rows.length;
      conn.seq = seq;
      conn.snapshotted = true;
      emit([
        { kind: 'cdc-snapshot', service: SERVICE, rows: rows.length, seq, done: true },
        { kind: 'cdc-published', service: SERVICE, topics: [TOPIC], count: rows.length, duplicates: 0, seq },
      ]);
      return;
    }
    const batch = log.filter((e) => e.source.sequence > conn.seq).slice(0, opt.batch);
    if (!batch.length) return;
    const seq = batch.at(-1)!.source.sequence;
    const duplicates = batch.filter((e) => e.source.sequence <= conn.inFlight).length;
    conn.inFlight = Math.max(conn.inFlight, seq);
    topic.push(...batch);
    conn.published += batch.length;
    conn.duplicates += duplicates;
    emit([
      { kind: 'cdc-published', service: SERVICE, topics: [TOPIC], count: batch.length, duplicates, seq },
    ]);
    if (reach('connector', 'cdc-after-publish-before-position')) return;
    conn.seq = seq;
    emit([{ kind: 'cdc-connector', state: connectorState() }]);
  }

  function queryTick() {
    if (status.query !== 'running' || status.broker !== 'running') return;
    const batch = topic.slice(queryOffset, queryOffset + opt.batch * 2);
    if (!batch.length) return;
    emit([{ kind: 'cdc-applied', service: 'query', ...search.apply(batch), topic: TOPIC }]);
    if (reach('query', 'consumer-after-commit-before-ack')) return;
    queryOffset += batch.length;
  }

  const ticker = setInterval(() => {
    connectorTick();
    queryTick();
  }, opt.tickMs);

  function check(): Anomaly[] {
    const found: Anomaly[] = log
      .filter((e) => e.source.sequence > conn.seq)
      .map((e) => ({
        invariant: 'no-change-unpublished',
        message: `listings: change ${e.source.sequence} was committed but never published`,
      }));
    const differs = search.differences(table);
    if (differs)
      found.push({
        invariant: 'cdc-read-model-matches-source',
        message: `query: ${differs} search documents differ from the listings table`,
      });
    return found;
  }

  return {
    topology: 'cdc',
    runId: 'fake-cdc-run',
    scenario: () => scenario,
    subscribe(listener) {
      listeners.add(listener);
      listener(
        (Object.keys(status) as CdcNode[]).map((p) => ({ kind: 'process', process: p, status: status[p] })),
      );
      return () => listeners.delete(listener);
    },
    status: (p) => status[p],
    crashNow: (p) => die(p, 'manual'),
    crashAt(p, point) {
      armed[p] = point;
      emit([{ kind: 'process', process: p, status: status[p], armed: point }]);
    },
    async restart(p) {
      status[p] = 'restarting';
      emit([{ kind: 'process', process: p, status: 'restarting' }]);
      await sleep(150);
      // The connector forgets what it did not store: it resumes from its position, republishing (seq, inFlight].
      status[p] = 'running';
      emit([{ kind: 'process', process: p, status: 'running', armed: null }]);
    },
    write: async (write) => applyWrite(write),
    async writeMany(count, progress) {
      for (let done = 1; done <= count; done++) {
        applyWrite(randomWrite(random, [...table.keys()]));
        progress?.(done);
        await sleep(opt.writeDelayMs);
      }
    },
    async listings() {
      up('listings');
      return [...table.values()].map((r) => ({ ...r }));
    },
    async changes(service) {
      up(service);
      return service === 'listings' ? log.map((e) => structuredClone(e)) : [];
    },
    async connector() {
      up('connector');
      return connectorState();
    },
    async searchDocs() {
      up('query');
      return [...search.docs.values()].map((d) => ({ ...d }));
    },
    async search(text, city) {
      up('query');
      return search.search(text, city);
    },
    async settle(timeoutMs = 10_000) {
      const until = opt.now() + timeoutMs;
      while ((conn.seq < head() || queryOffset < topic.length || !conn.snapshotted) && opt.now() < until)
        await sleep(opt.tickMs);
      anomalies = check();
      emit([{ kind: 'anomalies', anomalies, settled: true }]);
    },
    anomalies: () => anomalies,
    announceAnomalies(found) {
      anomalies = found;
      emit([{ kind: 'anomalies', anomalies: found, settled: true }]);
    },
    dispose: () => clearInterval(ticker),
  };
}
