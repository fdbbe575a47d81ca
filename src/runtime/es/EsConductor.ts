// The event-sourced run's conductor: the one Conductor's lifecycle over the
// `orders`, `bank` and `query` workers, plus this run's own calls (commands,
// transfers, races, replays, read models), what is owed before it is at rest,
// and what its checker reads.

import {
  ES_PROCESSES,
  ES_STORE_NAMES,
  type AggregateAt,
  type CommandResult,
  type EsFact,
  type EsProcess,
  type EsStoreName,
  type LoadStat,
  type ProjectionLag,
  type ReadModelName,
  type StreamInfo,
} from '../../core/eventsourcing/esTypes';
import type { EsSystemSnapshot } from '../../core/eventsourcing/esInvariants';
import type { StoreAudit } from '../../core/eventsourcing/esAudit';
import type { StoredEvent } from '../../core/eventsourcing/eventStore';
import type { OrderCommand } from '../../core/eventsourcing/orderAggregate';
import type { AccountCommand } from '../../core/eventsourcing/bankAggregate';
import { ES_PACES } from '../../core/eventsourcing/esPace';
import {
  readYourWrites,
  type ReadYourWritesRemedy,
  type ReadYourWritesResult,
} from '../../core/eventsourcing/readYourWrites';
import { randomId } from '../../core/ids';
import type { Anomaly } from '../../core/invariantCatalogue';
import type { EsController, EsEvent } from '../esController';
import { Conductor, type ConductorOptions, type StartContext } from '../run/Conductor';
import { ES_FACTS } from '../topologies/eventSourced';
import type { EsQueryStartOptions, EsStoreStartOptions } from '../startOptions';
import { checkEsInvariants } from '../../core/eventsourcing/esInvariants';
import { esHistory, type EsState } from '../../core/history/esFold';
import type { HistorySpec } from '../../core/history/historySpec';

/** Polling read-your-writes gives up after this long and shows the last read. */
const READ_YOUR_WRITES_BUDGET_MS = 30_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class EsConductor extends Conductor<EsProcess, EsEvent, EsSystemSnapshot> implements EsController {
  readonly topology = 'event-sourced' as const;
  /** Which store holds a stream: streams never move, so one lookup each. */
  private readonly located = new Map<string, EsStoreName>();
  private transfersRunning = 0;

  constructor(options: ConductorOptions) {
    super(options, ES_FACTS);
  }

  orderCommand(orderId: string, command: OrderCommand): Promise<CommandResult> {
    return this.storeCall<CommandResult>('orders', orderId, 'command', command);
  }

  accountCommand(accountId: string, command: AccountCommand): Promise<CommandResult> {
    return this.storeCall<CommandResult>('bank', accountId, 'command', command);
  }

  /** Resolves once the transfer completed; rejects if the bank died on the way (its restart finishes the transfer). */
  async transfer(from: string, to: string, amount: number): Promise<string> {
    const transferId = this.newId('t');
    this.transfersRunning++;
    try {
      await this.call('bank', 'transfer', { transferId, from, to, amount });
      return transferId;
    } finally {
      this.transfersRunning--;
    }
  }

  stageRace(orderId: string): Promise<{ conflicts: number; message: string }> {
    return this.storeCall('orders', orderId, 'stageRace');
  }

  async growOrder(orderId: string, count: number): Promise<void> {
    await this.storeCall<number>('orders', orderId, 'growOrder', count);
  }

  /** The streams of every store that is up. */
  async streams(): Promise<StreamInfo[]> {
    const up = ES_STORE_NAMES.filter((s) => this.up(s));
    return (await Promise.all(up.map((s) => this.call<StreamInfo[]>(s, 'streams')))).flat();
  }

  async events(aggregateId: string): Promise<StoredEvent[]> {
    return this.call(await this.locate(aggregateId), 'events', aggregateId);
  }

  async stateAt(aggregateId: string, version?: number, snapshots = true): Promise<AggregateAt> {
    return this.call(await this.locate(aggregateId), 'stateAt', aggregateId, version, snapshots);
  }

  async loadStats(aggregateId: string): Promise<{ withSnapshots: LoadStat; withoutSnapshots: LoadStat }> {
    return this.call(await this.locate(aggregateId), 'loadStats', aggregateId);
  }

  readModel(name: ReadModelName): Promise<Record<string, unknown>[]> {
    return this.call('query', 'readModel', name);
  }

  projectionLag(): Promise<ProjectionLag[]> {
    return this.call('query', 'lag');
  }

  async rebuildReadModel(name: ReadModelName): Promise<void> {
    await this.call('query', 'rebuild', name);
  }

  readYourWrites(remedy: ReadYourWritesRemedy): Promise<ReadYourWritesResult> {
    const { readPollMs } = ES_PACES[this.setup.pace];
    return readYourWrites(remedy, randomId('rw'), {
      write: async (orderId) => {
        await this.orderCommand(orderId, { type: 'create', customerId: 'alice' });
        return this.orderCommand(orderId, { type: 'addItem', sku: 'MUG', qty: 1, price: 12 });
      },
      read: (orderId) => this.call('query', 'orderSummary', orderId),
      sleep,
      pollMs: readPollMs,
      maxReads: Math.ceil(READ_YOUR_WRITES_BUDGET_MS / readPollMs),
    });
  }

  /** Every process up, no transfer running or in flight, every projection caught up. */
  protected async owed(): Promise<string | null> {
    for (const name of ES_PROCESSES)
      if (this.status(name) !== 'running') return `${name} is ${this.status(name)}`;
    if (this.transfersRunning) return `${this.transfersRunning} transfers running`;
    const flying = await this.call<number>('bank', 'transfersInFlight');
    if (flying) return `bank: ${flying} transfers debited and not completed`;
    const behind = (await this.projectionLag()).filter((l) => l.behind > 0);
    if (behind.length) return `query: ${behind.map((l) => `${l.name} ${l.behind} behind`).join(', ')}`;
    return null;
  }

  /** What the checker reads: each store's audit and the read models, from whichever process is up. */
  async snapshot(): Promise<EsSystemSnapshot> {
    const stores = await Promise.all(
      ES_STORE_NAMES.filter((s) => this.up(s)).map((s) =>
        this.call<StoreAudit>(s, 'audit').catch(() => null),
      ),
    );
    const readModels = this.up('query')
      ? await Promise.all([this.readModel('orderSummaries'), this.readModel('balances')]).then(
          ([orderSummaries, balances]) => ({ orderSummaries, balances }),
          () => undefined,
        )
      : undefined;
    return { stores: stores.filter((s): s is StoreAudit => s !== null), readModels };
  }

  /** The stores get how often to snapshot; the query service the pace to tail them at. */
  protected startOptions(
    name: EsProcess,
    { deterministic }: StartContext,
  ): EsStoreStartOptions | EsQueryStartOptions {
    // A projection's checkpoint committed with its batch is the read side's inbox: `inbox: false` stores it apart.
    if (name === 'query') return { pace: this.setup.pace, deterministic, checkpointApart: !this.setup.inbox };
    return { snapshotEvery: this.setup.snapshotEvery, deterministic };
  }

  protected report(facts: { kind: string }[]): { events: EsEvent[]; changed: boolean } {
    const events = facts as EsFact[];
    const changed = events.some(
      (e) => e.kind === 'appended' || e.kind === 'projected' || e.kind === 'rebuild-progress',
    );
    return { events, changed };
  }

  /** The read models only count once quiet: look once, and check what holds at every moment otherwise. */
  protected async check(settled: boolean, state: () => Promise<EsSystemSnapshot>): Promise<Anomaly[]> {
    return checkEsInvariants(await state(), { settled });
  }

  /** The stores' events and snapshots, the query service's commits and who is down: any past snapshot() (esFold.ts). */
  protected historySpec(): HistorySpec<EsState, EsSystemSnapshot> {
    return esHistory;
  }

  private up(name: EsProcess): boolean {
    return this.status(name) === 'running';
  }

  /** A store's stream: remembered where it lives, then called there. */
  private storeCall<T>(store: EsStoreName, id: string, method: string, ...args: unknown[]): Promise<T> {
    this.located.set(id, store);
    return this.call<T>(store, method, id, ...args);
  }

  /** Which store holds `id`: asked of every store that is up, once. */
  private async locate(id: string): Promise<EsStoreName> {
    const known = this.located.get(id);
    if (known) return known;
    const up = ES_STORE_NAMES.filter((s) => this.up(s));
    const versions = await Promise.all(up.map((s) => this.call<number>(s, 'version', id)));
    const found = up.find((_, i) => versions[i] > 0);
    if (!found) throw new Error(`no stream "${id}" in ${up.join(' or ') || 'any store that is up'}`);
    this.located.set(id, found);
    return found;
  }
}
