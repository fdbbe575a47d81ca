// An in-memory EsController for unit tests and screenshot harnesses: the real
// aggregates and projections of src/core/eventsourcing, run on plain arrays on
// the main thread, with a projector that lags on purpose and load times that
// grow with the events read (as reading them from IndexedDB does).

import type { CrashPoint } from '../../core/crashPoints';
import type { Anomaly } from '../../core/invariants';
import { accountAggregate, decideAccount } from '../../core/eventsourcing/bankAggregate';
import type { StoredEvent } from '../../core/eventsourcing/eventStore';
import { WrongExpectedVersion } from '../../core/eventsourcing/eventStore';
import { decideOrder, orderAggregate } from '../../core/eventsourcing/orderAggregate';
import { READ_MODELS } from '../../core/eventsourcing/readModels';
import type { AggregateType } from '../../core/eventsourcing/aggregate';
import type { NewEvent } from '../../core/eventsourcing/eventStore';
import { DEFAULT_SCENARIO, type Scenario } from '../../core/scenario/scenario';
import type { ProcessStatus } from '../../runtime/controller';
import type {
  AggregateAt,
  EsController,
  EsEvent,
  EsProcess,
  EsStore,
  LoadStat,
  ProjectionLag,
  ReadModelName,
  ReadYourWritesRemedy,
} from '../../runtime/esController';

export interface FakeOptions {
  snapshotEvery?: number;
  /** The projector's tick, and how many events it applies per tick: small numbers make it lag. */
  projectEveryMs?: number;
  projectBatch?: number;
  /** Simulated load cost per event read, in ms. */
  msPerEvent?: number;
  /** Pause between growOrder's chunks, so its progress can be watched. */
  growDelayMs?: number;
  now?: () => number;
}

export interface FakeEsController extends EsController {
  /** Test hook: the checker's verdict, as if the runtime had sent it. */
  announceAnomalies(anomalies: Anomaly[]): void;
  dispose(): void;
}

type Table = Map<string, Record<string, unknown>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HISTORY_KEY = (row: Record<string, unknown>) => `${String(row.account)}/${String(row.position)}`;

export function createFakeEsController(options: FakeOptions = {}): FakeEsController {
  const opt = {
    snapshotEvery: 100,
    projectEveryMs: 600,
    projectBatch: 2,
    msPerEvent: 0.018,
    growDelayMs: 20,
    now: Date.now,
    ...options,
  };
  const scenario: Scenario = {
    ...DEFAULT_SCENARIO,
    topology: 'event-sourced',
    snapshotEvery: opt.snapshotEvery,
  };
  const listeners = new Set<(events: EsEvent[]) => void>();
  const status: Record<EsProcess, ProcessStatus> = { orders: 'running', bank: 'running', query: 'running' };
  const armed: Record<EsProcess, { point: CrashPoint; left: number } | null> = {
    orders: null,
    bank: null,
    query: null,
  };
  const streams = new Map<
    string,
    { store: EsStore; events: StoredEvent[]; snapshots: { version: number; state: unknown }[] }
  >();
  const log: StoredEvent[] = [];
  const tables = new Map<ReadModelName, Table>(READ_MODELS.map((p) => [p.name as ReadModelName, new Map()]));
  const checkpoints = new Map<ReadModelName, number>(READ_MODELS.map((p) => [p.name as ReadModelName, 0]));
  const rebuilding = new Set<ReadModelName>();
  let anomalies: Anomaly[] = [];
  let transfers = 0;

  const emit = (events: EsEvent[]) => listeners.forEach((l) => l(events));
  const up = (p: EsProcess) => {
    if (status[p] !== 'running') throw new Error(`${p} is ${status[p]}: restart it first`);
  };
  const die = (p: EsProcess, point: string) => {
    status[p] = 'crashed';
    armed[p] = null;
    emit([
      { kind: 'crashed', process: p, point },
      { kind: 'process', process: p, status: 'crashed', armed: null },
    ]);
  };
  /** A process passing a crash point: dies there if it is armed and this is the nth time. */
  const reach = (p: EsProcess, point: CrashPoint) => {
    const a = armed[p];
    if (a?.point !== point || --a.left > 0) return;
    die(p, point);
    throw new Error(`${p} crashed at ${point}`);
  };
  const typeOf = (store: EsStore) =>
    (store === 'orders' ? orderAggregate : accountAggregate) as AggregateType<unknown>;

  function fold(id: string, upTo: number, snapshots: boolean): AggregateAt {
    const s = streams.get(id);
    const type = typeOf(s?.store ?? (id.startsWith('acc') ? 'bank' : 'orders'));
    const snap = snapshots ? s?.snapshots.filter((x) => x.version <= upTo).at(-1) : undefined;
    let state = snap ? structuredClone(snap.state) : type.initial(id);
    const events = (s?.events ?? []).slice(snap?.version ?? 0, upTo);
    for (const e of events) state = type.apply(state, e);
    const version = events.at(-1)?.version ?? snap?.version ?? 0;
    const load: LoadStat = {
      snapshots,
      snapshotVersion: snap?.version ?? null,
      eventsRead: events.length,
      ms: 0.3 + events.length * opt.msPerEvent,
    };
    return { state, version, load };
  }

  function append(store: EsStore, id: string, expected: number, news: NewEvent[]): StoredEvent[] {
    const s = streams.get(id) ?? { store, events: [], snapshots: [] };
    if (s.events.length !== expected) throw new WrongExpectedVersion(id, expected, s.events.length);
    const at = opt.now();
    const rows = news.map((e, i): StoredEvent => ({
      stream: id,
      version: expected + 1 + i,
      type: e.type,
      schema: e.schema ?? 1,
      data: e.data,
      at,
      position: log.length + 1 + i,
    }));
    s.events.push(...rows);
    log.push(...rows);
    streams.set(id, s);
    emit([{ kind: 'appended', store, events: rows }]);
    const due =
      opt.snapshotEvery > 0
        ? rows.filter((r) => r.version % opt.snapshotEvery === 0).map((r) => r.version)
        : [];
    if (due.length) reach(store, 'es-after-append-before-snapshot');
    for (const version of due) s.snapshots.push({ version, state: fold(id, version, true).state });
    if (due.length) emit(due.map((version) => ({ kind: 'snapshot', store, stream: id, version })));
    return rows;
  }

  async function command(store: EsStore, id: string, decide: (state: never) => NewEvent[]) {
    up(store);
    await sleep(5);
    const { state, version } = fold(id, Number.MAX_SAFE_INTEGER, true);
    const news = decide(state as never);
    if (news.length) append(store, id, version, news);
    return {
      version: version + news.length,
      conflicts: 0,
      state: fold(id, Number.MAX_SAFE_INTEGER, true).state,
    };
  }

  async function project(name: ReadModelName, limit: number): Promise<number> {
    const projection = READ_MODELS.find((p) => p.name === name)!;
    const table = tables.get(name)!;
    const from = checkpoints.get(name)!;
    const batch = log.slice(from, from + limit);
    const api = {
      get: async (k: string) => table.get(k),
      put: async (row: Record<string, unknown>) =>
        void table.set(name === 'history' ? HISTORY_KEY(row) : String(row.id), row),
    };
    // One at a time: two applies to one row must not both read it before either writes.
    for (const e of batch) await projection.apply(() => api as never, e);
    checkpoints.set(name, from + batch.length);
    return batch.length;
  }

  let projecting = false;
  const projector = setInterval(async () => {
    if (status.query !== 'running' || projecting) return;
    projecting = true;
    const events: EsEvent[] = [];
    for (const name of tables.keys()) {
      if (rebuilding.has(name) || status.query !== 'running') continue;
      if (
        checkpoints.get(name)! < log.length &&
        armed.query?.point === 'projection-before-checkpoint-commit'
      ) {
        try {
          reach('query', 'projection-before-checkpoint-commit');
        } catch {
          break;
        }
      }
      const applied = await project(name, opt.projectBatch);
      if (applied) events.push({ kind: 'projected', name, checkpoint: checkpoints.get(name)!, applied });
    }
    projecting = false;
    if (events.length) emit(events);
  }, opt.projectEveryMs);

  const controller: FakeEsController = {
    topology: 'event-sourced',
    runId: 'fake-run',
    scenario: () => scenario,
    subscribe(listener) {
      listeners.add(listener);
      listener(
        (Object.keys(status) as EsProcess[]).map((p) => ({ kind: 'process', process: p, status: status[p] })),
      );
      return () => listeners.delete(listener);
    },
    status: (p) => status[p],
    crashNow: (p) => die(p, 'manual'),
    crashAt(p, point, nth = 1) {
      armed[p] = { point, left: nth };
      emit([{ kind: 'process', process: p, status: status[p], armed: point }]);
    },
    async restart(p) {
      status[p] = 'restarting';
      emit([{ kind: 'process', process: p, status: 'restarting' }]);
      await sleep(300);
      status[p] = 'running';
      emit([{ kind: 'process', process: p, status: 'running', armed: null }]);
    },
    orderCommand: (id, c) => command('orders', id, (s) => decideOrder(s, c)),
    accountCommand: (id, c) => command('bank', id, (s) => decideAccount(s, c)),
    async transfer(from, to, amount) {
      const transferId = `t-${++transfers}`;
      await controller.accountCommand(from, { type: 'initiateTransfer', transferId, to, amount });
      reach('bank', 'transfer-after-debit-before-credit');
      await controller.accountCommand(to, { type: 'deposit', amount, transferId });
      await controller.accountCommand(from, { type: 'completeTransfer', transferId });
      return transferId;
    },
    async stageRace(orderId) {
      up('orders');
      const { state, version } = fold(orderId, Number.MAX_SAFE_INTEGER, true);
      const add = decideOrder(state as never, { type: 'addItem', sku: 'SKU-BOOK', qty: 1, price: 25 });
      append('orders', orderId, version, add);
      try {
        append('orders', orderId, version, add);
        return { conflicts: 0, message: '' };
      } catch (err) {
        const message = (err as Error).message;
        emit([{ kind: 'conflict', store: 'orders', stream: orderId, message }]);
        append('orders', orderId, version + 1, add);
        return { conflicts: 1, message };
      }
    },
    async growOrder(orderId, count) {
      for (let done = 0; done < count;) {
        up('orders');
        const n = Math.min(500, count - done);
        const news = Array.from({ length: n }, (_, i): NewEvent =>
          (done + i) % 2 === 0
            ? { type: 'ItemAdded', schema: 2, data: { sku: 'GROW', qty: 1, price: 1 } }
            : { type: 'ItemRemoved', data: { sku: 'GROW' } },
        );
        const rows = append('orders', orderId, streams.get(orderId)?.events.length ?? 0, news);
        done += n;
        emit([
          {
            kind: 'grow-progress',
            store: 'orders',
            stream: orderId,
            done,
            total: count,
            version: rows.at(-1)!.version,
          },
        ]);
        await sleep(opt.growDelayMs);
      }
    },
    streams: async () =>
      [...streams].map(([id, s]) => ({
        store: s.store,
        id,
        version: s.events.length,
        snapshotVersion: s.snapshots.at(-1)?.version ?? null,
      })),
    events: async (id) => [...(streams.get(id)?.events ?? [])],
    stateAt: async (id, version, snapshots = true) => fold(id, version ?? Number.MAX_SAFE_INTEGER, snapshots),
    loadStats: async (id) => ({
      withSnapshots: fold(id, Number.MAX_SAFE_INTEGER, true).load,
      withoutSnapshots: fold(id, Number.MAX_SAFE_INTEGER, false).load,
    }),
    async readModel(name) {
      up('query');
      return [...tables.get(name)!.values()].map((row) => structuredClone(row));
    },
    async projectionLag() {
      up('query');
      return [...checkpoints].map(([name, checkpoint]): ProjectionLag => ({
        name,
        checkpoint,
        behind: log.length - checkpoint,
        oldestAgeMs: checkpoint < log.length ? opt.now() - log[checkpoint].at : null,
      }));
    },
    async rebuildReadModel(name) {
      up('query');
      rebuilding.add(name);
      tables.get(name)!.clear();
      checkpoints.set(name, 0);
      const total = log.length;
      try {
        for (let done = 0; done < total;) {
          done += await project(name, Math.max(1, Math.ceil(total / 20)));
          emit([{ kind: 'rebuild-progress', name, done, total, finished: false }]);
          await sleep(60);
        }
      } finally {
        rebuilding.delete(name);
      }
      emit([{ kind: 'rebuild-progress', name, done: total, total, finished: true }]);
    },
    async readYourWrites(remedy: ReadYourWritesRemedy) {
      const orderId = `ryw-${log.length + 1}`;
      await controller.orderCommand(orderId, { type: 'create', customerId: 'alice' });
      const written = await controller.orderCommand(orderId, {
        type: 'addItem',
        sku: 'SKU-LAMP',
        qty: 1,
        price: 60,
      });
      const read = () => structuredClone(tables.get('orderSummaries')!.get(orderId) ?? null);
      const firstRead = read();
      const entity = fold(orderId, Number.MAX_SAFE_INTEGER, true).state;
      let shown: unknown = remedy === 'return-entity' ? entity : firstRead;
      let reads = 1;
      while (
        remedy === 'poll-read-model' &&
        Number((shown as { version?: number } | null)?.version ?? 0) < written.version &&
        reads < 200
      ) {
        await sleep(50);
        shown = read();
        reads++;
      }
      return {
        remedy,
        orderId,
        wrote: remedy === 'return-entity' ? entity : { version: written.version },
        firstRead,
        shown,
        reads,
      };
    },
    async settle(timeoutMs = 10_000) {
      const until = opt.now() + timeoutMs;
      while ([...checkpoints.values()].some((c) => c < log.length) && opt.now() < until)
        await sleep(opt.projectEveryMs);
      emit([{ kind: 'anomalies', anomalies, settled: true }]);
    },
    anomalies: () => anomalies,
    announceAnomalies(found) {
      anomalies = found;
      emit([{ kind: 'anomalies', anomalies: found, settled: true }]);
    },
    dispose: () => clearInterval(projector),
  };
  return controller;
}
