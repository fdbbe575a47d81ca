// Test code, never shipped: an EsController over the real hosts of an
// event-sourced run — the EsHost of `orders` and `bank` and the QueryHost the
// workers build — in this process, on fake-indexeddb (through esHarness.ts).
// What EsConductor relays to a worker, this calls on the host; a crash ends
// the host and closes its databases, a restart builds a new one over them;
// settle waits for what EsConductor waits for, then runs checkEsInvariants.

import type { HistorySpec } from '../core/history/historySpec';
import { esHistory } from '../core/history/esFold';
import type { AccountCommand } from '../core/eventsourcing/bankAggregate';
import { ES_PACES } from '../core/eventsourcing/esPace';
import type { EsHost } from '../core/eventsourcing/esHost';
import { checkEsInvariants } from '../core/eventsourcing/esInvariants';
import { ES_CRASH_POINTS, ES_PROCESSES, ES_STORE_NAMES } from '../core/eventsourcing/esTypes';
import type { StoredEvent } from '../core/eventsourcing/eventStore';
import type { OrderCommand } from '../core/eventsourcing/orderAggregate';
import type { QueryHost } from '../core/eventsourcing/queryHost';
import { readYourWrites } from '../core/eventsourcing/readYourWrites';
import type { CrashPoint } from '../core/crashPoints';
import type { Anomaly } from '../core/invariantCatalogue';
import { DEFAULT_SCENARIO, type Scenario } from '../core/scenario/scenario';
import type {
  AggregateAt,
  CommandResult,
  EsController,
  EsEvent,
  EsProcess,
  EsStore,
  LoadStat,
  ProjectionLag,
  ReadModelName,
  ReadYourWritesRemedy,
  ReadYourWritesResult,
  StreamInfo,
} from '../runtime/esController';
import { createEsHarness, type EsHarness } from './esHarness';
import { InProcessRun, started, UnderWay } from './inProcessRun';

export interface InProcessEsOptions {
  /** What differs from the default event-sourced scenario (pace 'fast' unless said). */
  scenario?: Partial<Scenario>;
  /**
   * 'free' (the default): the query service tails the stores on its own, at the pace's interval, as in the
   * product. 'held': it projects only while someone waits for it — settle, or a read-your-writes poll
   * between two reads — so a read right after a write always finds the read model behind.
   */
  projector?: 'free' | 'held';
}

export interface InProcessEsController extends EsController {
  /** Closes every host and database. */
  dispose(): void;
}

/** Polling read-your-writes gives up after this long and shows the last read (as EsConductor does). */
const READ_YOUR_WRITES_BUDGET_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts an event-sourced run in this process; resolves once every process is up. */
export function createInProcessEsController(
  options: InProcessEsOptions = {},
): Promise<InProcessEsController> {
  return started(new InProcessEs(options));
}

class InProcessEs extends InProcessRun<EsProcess, EsEvent> implements InProcessEsController {
  readonly topology = 'event-sourced' as const;
  readonly runId: string;
  private readonly held: boolean;
  private readonly harness: EsHarness;
  /** Which store holds a stream: streams never move, so one lookup each. */
  private readonly located = new Map<string, EsStore>();
  private readonly transfersRunning = new UnderWay();
  private transfers = 0;
  private readWrites = 0;

  constructor(options: InProcessEsOptions) {
    super({
      setup: { ...DEFAULT_SCENARIO, topology: 'event-sourced', pace: 'fast', ...options.scenario },
      processes: ES_PROCESSES,
      crashPoints: ES_CRASH_POINTS,
    });
    this.held = options.projector === 'held';
    this.harness = createEsHarness({
      closeOnCrash: true,
      pace: ES_PACES[this.setup.pace],
      onFact: (fact) => this.publish([fact]),
      onCrash: (process, point) => this.died(process, point),
    });
    this.runId = this.harness.runId;
  }

  orderCommand(orderId: string, command: OrderCommand): Promise<CommandResult> {
    return this.onStream('orders', orderId, (host) => host.command(orderId, command));
  }

  accountCommand(accountId: string, command: AccountCommand): Promise<CommandResult> {
    return this.onStream('bank', accountId, (host) => host.command(accountId, command));
  }

  /** Resolves once the transfer completed; rejects if the bank died on the way (its restart finishes the transfer). */
  async transfer(from: string, to: string, amount: number): Promise<string> {
    const transferId = `t-${++this.transfers}`;
    await this.transfersRunning.during(() =>
      this.store('bank', (host) => host.transfer({ transferId, from, to, amount })),
    );
    return transferId;
  }

  stageRace(orderId: string): Promise<{ conflicts: number; message: string }> {
    return this.onStream('orders', orderId, (host) => host.stageRace(orderId));
  }

  async growOrder(orderId: string, count: number): Promise<void> {
    await this.onStream('orders', orderId, (host) => host.growOrder(orderId, count));
  }

  /** The streams of every store that is up. */
  async streams(): Promise<StreamInfo[]> {
    const up = ES_STORE_NAMES.filter((s) => this.up(s));
    return (await Promise.all(up.map((s) => this.store(s, (host) => host.streams())))).flat();
  }

  async events(aggregateId: string): Promise<StoredEvent[]> {
    return this.store(await this.locate(aggregateId), (host) => host.events(aggregateId));
  }

  async stateAt(aggregateId: string, version?: number, snapshots = true): Promise<AggregateAt> {
    return this.store(await this.locate(aggregateId), (host) =>
      host.stateAt(aggregateId, version, snapshots),
    );
  }

  async loadStats(aggregateId: string): Promise<{ withSnapshots: LoadStat; withoutSnapshots: LoadStat }> {
    return this.store(await this.locate(aggregateId), (host) => host.loadStats(aggregateId));
  }

  readModel(name: ReadModelName): Promise<Record<string, unknown>[]> {
    return this.query((query) => query.readModel(name));
  }

  projectionLag(): Promise<ProjectionLag[]> {
    return this.query((query) => query.lag());
  }

  async rebuildReadModel(name: ReadModelName): Promise<void> {
    await this.query((query) => query.rebuild(name));
  }

  /** As EsConductor: the core's read-your-writes over this run's write and read; a held projector moves only between reads. */
  readYourWrites(remedy: ReadYourWritesRemedy): Promise<ReadYourWritesResult> {
    const { readPollMs } = ES_PACES[this.setup.pace];
    return readYourWrites(remedy, `rw-${++this.readWrites}`, {
      write: async (orderId) => {
        await this.orderCommand(orderId, { type: 'create', customerId: 'alice' });
        return this.orderCommand(orderId, { type: 'addItem', sku: 'MUG', qty: 1, price: 12 });
      },
      read: (orderId) => this.query((query) => query.orderSummary(orderId)),
      sleep: this.held ? () => this.project() : sleep,
      pollMs: readPollMs,
      maxReads: Math.ceil(READ_YOUR_WRITES_BUDGET_MS / readPollMs),
    });
  }

  protected async startHost(process: EsProcess): Promise<void> {
    if (process === 'query') await this.harness.startQuery({ loop: !this.held });
    else await this.harness.startStore(process, this.setup.snapshotEvery);
  }

  protected killHost(process: EsProcess): void {
    this.harness.kill(process);
  }

  protected armHost(process: EsProcess, point: CrashPoint, nth: number): void {
    (process === 'query' ? this.harness.query() : this.harness.store(process)).arm(point, nth);
  }

  /** What EsConductor waits for: every process up, no transfer running or in flight, every projection caught up. */
  protected async owed(): Promise<string | null> {
    for (const name of ES_PROCESSES)
      if (this.status(name) !== 'running') return `${name} is ${this.status(name)}`;
    if (this.transfersRunning.count) return `${this.transfersRunning.count} transfers running`;
    const flying = await this.store('bank', (host) => host.transfersInFlight());
    if (flying) return `bank: ${flying} transfers debited and not completed`;
    if (this.held) await this.project();
    const behind = (await this.projectionLag()).filter((l) => l.behind > 0);
    if (behind.length) return `query: ${behind.map((l) => `${l.name} ${l.behind} behind`).join(', ')}`;
    return null;
  }

  protected async verify(): Promise<Anomaly[]> {
    return checkEsInvariants(await this.harness.snapshot(), { settled: true });
  }

  protected historySpec(): HistorySpec<unknown, unknown> {
    return esHistory as HistorySpec<unknown, unknown>;
  }

  protected closeHosts(): void {
    this.harness.close();
  }

  /** A held projector's turn: everything behind is applied. */
  private async project(): Promise<void> {
    await this.query(() => this.harness.catchUp());
  }

  private up(process: EsProcess): boolean {
    return this.status(process) === 'running';
  }

  private store<T>(store: EsStore, work: (host: EsHost) => Promise<T>): Promise<T> {
    return this.call(store, () => work(this.harness.store(store)));
  }

  private query<T>(work: (query: QueryHost) => Promise<T>): Promise<T> {
    return this.call('query', () => work(this.harness.query()));
  }

  /** A call on one stream: remembered where it lives, then made there. */
  private onStream<T>(store: EsStore, id: string, work: (host: EsHost) => Promise<T>): Promise<T> {
    this.located.set(id, store);
    return this.store(store, work);
  }

  /** Which store holds `id`: asked of every store that is up, once. */
  private async locate(id: string): Promise<EsStore> {
    const known = this.located.get(id);
    if (known) return known;
    const up = ES_STORE_NAMES.filter((s) => this.up(s));
    const versions = await Promise.all(up.map((s) => this.store(s, (host) => host.store.version(id))));
    const found = up.find((_, i) => versions[i] > 0);
    if (!found) throw new Error(`no stream "${id}" in ${up.join(' or ') || 'any store that is up'}`);
    this.located.set(id, found);
    return found;
  }
}
