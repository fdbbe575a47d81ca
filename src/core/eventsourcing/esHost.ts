// One event-sourced process (`orders` or `bank`): its event store in its own
// database, commands with expected versions, the snapshot policy, a staged
// race, time travel and what loads cost, and — for the bank — transfers as a
// saga over events, resumed on every start. Host-agnostic: a worker entry and
// a Node test both build one, passing in storage, clocks and how to die.

import type { SteppedClock } from '../clock';
import { CrashSwitch } from '../crash';
import type { CrashPoint } from '../crashPoints';
import type { DexieDeps } from '../broker/brokerDb';
import { loadAggregate } from './aggregate';
import { handleCommand, type HandleOptions } from './commandHandler';
import { eventStoreDbName, openEventStoreDb, type EventStoreDb, type StoredEvent } from './eventStore';
import { auditStore, type StoreAudit } from './esAudit';
import { BANK_OPENING, ES_STORES, type EsStoreDefinition } from './esStores';
import type { AggregateAt, CommandResult, EsFact, EsStoreName, LoadStat, StreamInfo } from './esTypes';
import { growOrder } from './growOrder';
import { ObservedEventStore } from './observedStore';
import { RuleBroken, type OrderCommand } from './orderAggregate';
import { runHostCall } from '../sim/hostCalls';
import type { EsPending, EsStep } from './esSteps';
import {
  debit,
  inFlight,
  nextLegs,
  resumeTransfers,
  runLeg,
  transfer,
  type TransferDeps,
  type TransferRequest,
} from './transfers';

export interface EsHostDeps {
  runId: string;
  store: EsStoreName;
  dexie: DexieDeps;
  /** Stamps events and snapshots. */
  now: () => number;
  /** Times loads: a monotonic millisecond clock (performance.now in a worker). */
  timer: () => number;
  snapshotEvery: number;
  emit: (fact: EsFact) => void;
  /** Ends the process at a crash point; code after the point never runs. */
  die: (point: CrashPoint) => void;
  /** A deterministic run: `now` must read this clock, which each granted step sets to its simulation time. */
  stepped?: SteppedClock;
}

export class EsHost {
  readonly db: EventStoreDb;
  readonly store: ObservedEventStore;
  readonly crash: CrashSwitch;
  private readonly def: EsStoreDefinition;

  constructor(private readonly deps: EsHostDeps) {
    this.def = ES_STORES[deps.store];
    this.crash = new CrashSwitch((point) => deps.die(point));
    this.db = openEventStoreDb(eventStoreDbName(deps.runId, deps.store), deps.dexie);
    this.store = new ObservedEventStore(this.db, deps.now, {
      appended: (events) => deps.emit({ kind: 'appended', store: deps.store, events }),
      // A copy: the fact is kept (and posted later, in a batch) while the caller goes on with its state.
      snapshotted: (stream, version, state) =>
        deps.emit({ kind: 'snapshot', store: deps.store, stream, version, state: structuredClone(state) }),
    });
  }

  /** Opens the store; a fresh bank opens its accounts, and every bank start finishes the transfers left in flight. */
  async start(): Promise<{ resumedTransfers: number }> {
    await this.db.open();
    if (this.deps.store !== 'bank') return { resumedTransfers: 0 };
    if ((await this.db.streams.count()) === 0) await this.openAccounts();
    return { resumedTransfers: await resumeTransfers(this.transferDeps()) };
  }

  /** Load, decide, append with the loaded version; conflicts are retried and reported. */
  async command(id: string, command: unknown, extra: Partial<HandleOptions> = {}): Promise<CommandResult> {
    this.crash.assertAlive();
    const handled = await handleCommand(this.store, this.def.aggregate, this.def.decide, id, command, {
      snapshotEvery: this.deps.snapshotEvery,
      onConflict: (error) =>
        this.deps.emit({ kind: 'conflict', store: this.deps.store, stream: id, message: error.message }),
      beforeSnapshot: () => this.crash.at('es-after-append-before-snapshot'),
      ...extra,
    });
    return { version: handled.version, conflicts: handled.conflicts, state: handled.state };
  }

  /** A transfer between two accounts of this bank: debit, credit, complete — each its own append. */
  async transfer(request: TransferRequest): Promise<void> {
    await transfer(this.transferring('transfer'), request);
  }

  /** A transfer's first leg only: the money leaves; in a deterministic run the other legs are steps of their own. */
  async debit(request: TransferRequest): Promise<string> {
    await debit(this.transferring('debit'), request);
    return request.transferId;
  }

  /** Deterministic runs: what this store could do next (the bank's transfer legs). */
  async pending(): Promise<EsPending> {
    return { legs: this.deps.store === 'bank' ? await nextLegs(this.store) : [], behind: 0 };
  }

  /** Deterministic runs: performs one granted step at simulation time `at`; returns what it did, for the trace. */
  async step(step: EsStep, at: number): Promise<string> {
    this.deps.stepped?.set(at);
    this.crash.assertAlive();
    if (step.kind === 'leg') {
      const ran = await runLeg(this.transferDeps(), step.transferId, step.leg);
      return ran
        ? `${step.leg === 'credit' ? 'credited' : 'completed'} ${step.transferId}`
        : `${step.transferId} is not in flight`;
    }
    if (step.kind !== 'command') throw new Error(`${this.deps.store} cannot ${step.kind}`);
    return runHostCall(
      {
        command: (id: string, command: unknown) => this.command(id, command),
        debit: (request: TransferRequest) => this.debit(request),
        stageRace: (orderId: string) => this.stageRace(orderId),
        growOrder: (orderId: string, count: number) => this.growOrder(orderId, count),
      },
      this.deps.store,
      step.name,
      step.input,
    );
  }

  /** Transfers debited and not yet completed, as the events say. */
  async transfersInFlight(): Promise<number> {
    return this.deps.store === 'bank' ? (await inFlight(this.store)).length : 0;
  }

  /**
   * Two writers on one order: this one loads and decides, then — before it appends — a second writer adds an
   * item. Our append meets "wrong expected version", reloads and decides again.
   */
  async stageRace(orderId: string): Promise<{ conflicts: number; message: string }> {
    this.only('orders', 'stageRace');
    if ((await this.store.version(orderId)) === 0)
      await this.command(orderId, { type: 'create', customerId: 'racer' } satisfies OrderCommand);
    let message = '';
    const first: OrderCommand = { type: 'addItem', sku: 'RACE-A', qty: 1, price: 10 };
    const second: OrderCommand = { type: 'addItem', sku: 'RACE-B', qty: 1, price: 20 };
    const result = await this.command(orderId, first, {
      beforeAppend: async () => void (await this.command(orderId, second)),
      onConflict: (error) => {
        message = error.message;
        this.deps.emit({ kind: 'conflict', store: this.deps.store, stream: orderId, message });
      },
    });
    return { conflicts: result.conflicts, message };
  }

  /** Appends `count` events to one order in chunks (see growOrder.ts); returns the stream's new version. */
  growOrder(orderId: string, count: number): Promise<number> {
    this.only('orders', 'growOrder');
    this.crash.assertAlive();
    return growOrder(this.store, orderId, count, {
      snapshotEvery: this.deps.snapshotEvery,
      beforeSnapshot: () => this.crash.at('es-after-append-before-snapshot'),
      progress: (done, version) =>
        this.deps.emit({
          kind: 'grow-progress',
          store: this.deps.store,
          stream: orderId,
          done,
          total: count,
          version,
        }),
    });
  }

  events(id: string): Promise<StoredEvent[]> {
    return this.store.read(id);
  }

  /** State as of `version` (latest when absent): time travel, with or without snapshots, timed. */
  async stateAt(id: string, version?: number, snapshots = true): Promise<AggregateAt> {
    const started = this.deps.timer();
    const loaded = await loadAggregate(this.store, this.def.aggregate, id, {
      snapshots,
      upTo: version,
      timer: this.deps.timer,
    });
    const load: LoadStat = {
      snapshots,
      snapshotVersion: loaded.snapshotVersion,
      eventsRead: loaded.eventsRead,
      ms: this.deps.timer() - started,
      readMs: loaded.readMs,
    };
    return { state: loaded.state, version: loaded.version, load };
  }

  /** The same load with and without snapshots: what a long stream costs, and what snapshots save. */
  async loadStats(id: string): Promise<{ withSnapshots: LoadStat; withoutSnapshots: LoadStat }> {
    const withoutSnapshots = (await this.stateAt(id, undefined, false)).load;
    const withSnapshots = (await this.stateAt(id, undefined, true)).load;
    return { withSnapshots, withoutSnapshots };
  }

  async streams(): Promise<StreamInfo[]> {
    const rows = await this.store.streams();
    return Promise.all(
      rows.map(async (row) => ({
        store: this.deps.store,
        id: row.id,
        version: row.version,
        snapshotVersion: (await this.store.latestSnapshot(row.id))?.version ?? null,
      })),
    );
  }

  /** What the invariant checker reads of this store. */
  audit(): Promise<StoreAudit> {
    return auditStore(this.store, this.def);
  }

  arm(point: CrashPoint, nth?: number): void {
    this.crash.arm(point, nth);
  }

  disarm(): void {
    this.crash.disarm();
  }

  /** A transfer's deps, its crash point between debit and credit armed-able; only the bank, only alive. */
  private transferring(what: string): TransferDeps {
    this.only('bank', what);
    this.crash.assertAlive();
    return { ...this.transferDeps(), afterDebit: () => this.crash.at('transfer-after-debit-before-credit') };
  }

  private transferDeps(): TransferDeps {
    return { store: this.store, snapshotEvery: this.deps.snapshotEvery };
  }

  private async openAccounts(): Promise<void> {
    for (const account of BANK_OPENING) {
      await this.command(account.id, { type: 'open', owner: account.owner });
      if (account.deposit > 0) await this.command(account.id, { type: 'deposit', amount: account.deposit });
    }
  }

  private only(store: EsStoreName, what: string): void {
    if (this.deps.store !== store)
      throw new RuleBroken(`${what} is for the ${store} store; this is ${this.deps.store}`);
  }
}
