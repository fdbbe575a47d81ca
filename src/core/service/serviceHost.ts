// One running service: its database, outbox relay and consumer, wired to the
// broker and to telemetry. Host-agnostic: a worker entry and a Node test both
// build one of these, passing in storage, wire, clock, ids and how to die.

import type { Dexie } from 'dexie';
import type { Clock, SteppedClock } from '../clock';
import { CrashSwitch } from '../crash';
import type { CrashPoint } from '../crashPoints';
import { withoutLiveQueries, type DexieDeps } from '../broker/brokerDb';
import type { BrokerPort } from '../broker/brokerPort';
import type { Change, Fact } from '../telemetry';
import type { OpenChannel } from '../transport';
import type { ServiceConfig, ServiceDefinition } from './definition';
import { RpcNode } from '../rpc';
import { adjustBaselines } from './baselines';
import { dumpTables, openServiceDb } from './serviceDb';
import { writeBehind } from './writeBehind';
import { readAhead } from './readAhead';
import { commitCapture } from './commitCapture';
import { describeInboxWrite } from './inboxStore';
import { ReferenceCache } from './referenceCache';
import { OutboxRelay, type OutboxRelayLike, type RelayDeps } from './relay';
import { LogTailingRelay } from './logTailingRelay';
import { OUTBOX_TABLE } from '../cdc/router';
import { Consumer } from './consumer';
import { inTransaction, type UnitDeps } from './unitOfWork';
import { CommandBatch } from './commandBatch';
import { publishDirect } from './directPublish';
import { Procedures } from './procedures';
import { hydrate, recoverInterrupted, seedOnce } from './serviceStartup';
import { runTicks, tickOnce, type TickDeps } from './serviceTicks';
import {
  earliestTimer,
  performStep,
  timerCount,
  type ServicePending,
  type ServiceStep,
} from './serviceSteps';

export interface ServiceHostDeps {
  runId: string;
  dexie: DexieDeps;
  openChannel: OpenChannel;
  /**
   * This process's own port to the broker (in a deterministic run, one that stamps its requests with `stepped`).
   * The host owns it from here: stop() closes it.
   */
  broker: BrokerPort;
  clock: Clock;
  /** Simulation time for deadlines (and its speed); real time at 1× when not given. */
  simClock?: { now(): number; get(): { speed: number } };
  config: ServiceConfig;
  newId: (prefix: string) => string;
  emit: (fact: Fact) => void;
  /** Ends the process at a crash point; code after the point never runs. */
  die: (point: CrashPoint) => void;
  /**
   * A deterministic run: nothing runs on its own (no relay loop, no pushed deliveries, no timers);
   * the scheduler grants each step with its simulation time, which this clock then reads.
   */
  stepped?: SteppedClock;
}

export type { ServicePending, ServiceStep } from './serviceSteps';

const STEPPED_CALL_TIMEOUT_MS = 500;
const RELAY_REPORT_EVERY_MS = 1000;

export class ServiceHost {
  readonly db: Dexie;
  readonly crash: CrashSwitch;
  private readonly broker: BrokerPort;
  private readonly rpc: RpcNode;
  private readonly relay: OutboxRelayLike;
  private readonly consumer: Consumer;
  private readonly unit: UnitDeps;
  private readonly reference: ReferenceCache;
  private readonly commands: CommandBatch;
  private readonly procedures: Procedures;
  private readonly ticks: TickDeps;
  private config: ServiceConfig;
  private paused = false;

  constructor(
    readonly def: ServiceDefinition,
    private readonly deps: ServiceHostDeps,
  ) {
    const name = def.name;
    this.config = deps.config;
    // The host that owns the process reports the crash: it is the one that sees it die.
    this.crash = new CrashSwitch((point) => deps.die(point));
    const logTailing = deps.config.relay.mode === 'log-tailing';
    // A log-tailing relay reads the outbox's inserts from the change log, so this database logs them.
    // Change timestamps read the run's clock: a deterministic run's stepped one keeps its state hash reproducible.
    const capture = logTailing
      ? {
          tables: [OUTBOX_TABLE],
          now: () => (deps.stepped ?? deps.clock).now(),
          newTxId: () => deps.newId('tx'),
        }
      : undefined;
    this.db = openServiceDb(deps.runId, name, def.tables, withoutLiveQueries(deps.dexie), capture);
    // An inbox record is reported as its rows. The relay is built below; only its own writes, which come later,
    // are described by it.
    this.db.use(
      commitCapture(
        (changes) => this.onCommit(changes),
        (change) => describeInboxWrite(change) ?? this.relay?.describe?.(change) ?? null,
      ),
    );
    // Plain puts and deletes answered at once (writeBehind.ts); the capture reports them only on commit, as ever.
    this.db.use(writeBehind());
    // A consumer batch's reads by key, fetched together (readAhead.ts).
    const ahead = readAhead();
    this.db.use(ahead.middleware);
    this.reference = new ReferenceCache(this.db, def.reference ?? []);
    const clock = deps.stepped ?? deps.clock;
    const simClock = deps.stepped ?? deps.simClock;
    this.broker = deps.broker;
    // In a deterministic run only one step is ever under way, so a call nobody answers soon never will be
    // (the callee died in this step): give up quickly, and with the same wording on every host.
    this.rpc = new RpcNode(
      name,
      deps.runId,
      deps.openChannel,
      deps.stepped ? STEPPED_CALL_TIMEOUT_MS : undefined,
    );
    this.rpc.serveEndpoints(
      Object.fromEntries(
        Object.entries(def.endpoints ?? {}).map(([endpoint, procedure]) => [
          endpoint,
          (input: unknown) => this.procedures.running(() => procedure(this.procedures.context(), input)),
        ]),
      ),
    );
    const config = () => this.config;
    const speed = () => simClock?.get().speed ?? 1;
    this.unit = {
      db: this.db,
      def,
      config,
      crash: this.crash,
      now: () => clock.now(),
      simNow: () => (simClock ?? clock).now(),
      newId: deps.newId,
      reference: this.reference,
      readAhead: ahead.fetch,
      // The relay is built below; it is asked only once transactions run.
      carry: async () => (await this.relay.carry?.()) ?? null,
      publishDirect: (rows) =>
        publishDirect(
          { service: name, broker: this.broker, crash: this.crash, config, emit: deps.emit },
          rows,
        ),
    };
    this.procedures = new Procedures({ unit: this.unit, rpc: this.rpc, clock: deps.clock });
    this.ticks = {
      unit: this.unit,
      clock: deps.clock,
      paused: () => this.paused,
      wake: () => this.relay.wake(),
      emit: deps.emit,
    };
    // Live runs with an outbox commit concurrent commands together; a deterministic step runs one at a time anyway.
    this.commands = new CommandBatch(
      this.unit,
      () => !deps.stepped && this.config.publishing === 'outbox',
      deps.clock,
    );
    const relayDeps: RelayDeps = {
      service: name,
      db: this.db,
      broker: this.broker,
      clock,
      crash: this.crash,
      config,
      speed,
      onPublished: (count, topics) => {
        deps.emit({ kind: 'published', service: name, count, topics });
        this.reportRelay(true);
      },
      onWarning: (warning) => deps.emit({ kind: 'relay-warning', service: name, warning }),
      onTick: () => this.reportRelay(),
      handsCommits: !deps.stepped,
    };
    // The mode is the run's: fixed when the database opens, since only a log-tailing run captures changes.
    this.relay = logTailing ? new LogTailingRelay(relayDeps) : new OutboxRelay(relayDeps);
    this.consumer = new Consumer({
      ...this.unit,
      broker: this.broker,
      clock,
      speed,
      onCommitted: ({ emitted, duplicates }) => {
        for (const d of duplicates)
          deps.emit({ kind: 'duplicate', service: name, messageId: d.event.id, type: d.event.type });
        if (emitted) this.relay.wake();
      },
      onFailed: (record, error) =>
        deps.emit({
          kind: 'handler-failed',
          service: name,
          messageId: record.event.id,
          type: record.event.type,
          error,
        }),
    });
  }

  async start(): Promise<void> {
    await this.db.open();
    await seedOnce(this.unit);
    await hydrate(this.db, this.def.name, this.deps.emit);
    const recovered = recoverInterrupted({
      def: this.def,
      crash: this.crash,
      emit: this.deps.emit,
      procedures: this.procedures,
    });
    if (this.deps.stepped) {
      // A deterministic restart is one step: it ends once the group has the member and recovery is done.
      await this.consumer.start();
      await recovered;
    } else {
      void this.relay.run();
      void this.consumer.start();
      void runTicks(this.ticks);
    }
    this.deps.emit({ kind: 'ready', process: this.def.name });
  }

  /** Deterministic runs: performs one granted step at simulation time `at`; returns what it did, for the trace. */
  async step(step: ServiceStep, at: number): Promise<string> {
    if (!this.deps.stepped)
      throw new Error(`${this.def.name} runs live: steps are granted only in a deterministic run`);
    this.deps.stepped.set(at);
    return performStep(step, {
      relay: async () => {
        const done = await this.relay.tick();
        this.reportRelay(true);
        return done;
      },
      consume: (topic, partition, max) => this.consumer.consumeOnce(topic, partition, max),
      tick: () => tickOnce(this.ticks),
      command: (name, input) => this.command(name, input),
    });
  }

  /** Deterministic runs: what this service could do next. */
  async pending(): Promise<ServicePending> {
    const nextDue = await earliestTimer(this.def, this.db);
    return { unpublished: await this.relay.unpublished(), nextDue };
  }

  /** Runs a command (placing an order, say) as one local transaction. */
  async command(name: string, input: unknown): Promise<unknown> {
    const procedure = this.def.procedures?.[name];
    if (procedure) return this.procedures.running(() => procedure(this.procedures.context(), input));
    const handler = this.def.commands?.[name];
    if (!handler) throw new Error(`${this.def.name} has no command ${name}`);
    const { value, emitted } = await this.commands.run((unit) => handler(unit.context(), input));
    if (emitted) this.relay.wake();
    return value;
  }

  /** Writes one business-data row a user edited, in its own transaction. */
  async editRow(table: string, row: Record<string, unknown>): Promise<void> {
    if (!this.def.editable?.includes(table))
      throw new Error(
        `${this.def.name}.${table} is not editable (editable: ${this.def.editable?.join(', ') || 'none'})`,
      );
    await inTransaction(this.unit, async (unit) => {
      await adjustBaselines(unit.context(), this.def.conserved ?? {}, table, row);
      await unit.context().table(table).put(row);
    });
  }

  arm(point: CrashPoint, nth = 1): void {
    this.crash.arm(point, nth);
  }

  disarm(): void {
    this.crash.disarm();
  }

  configure(config: ServiceConfig): void {
    this.config = config;
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.relay.setPaused(paused);
  }

  /**
   * Work this service still owes: unpublished outbox rows, deliveries being handled, and timers still set (a saga
   * waiting for a reply or for its next retry is not done, however quiet the wire is).
   */
  async status(): Promise<{ unpublished: number; busy: number; timers: number }> {
    return {
      unpublished: await this.relay.unpublished(),
      busy: this.consumer.busy + this.procedures.busy + (this.relay.publishing ? 1 : 0),
      timers: await timerCount(this.def, this.db),
    };
  }

  dump(): Promise<Record<string, Record<string, unknown>[]>> {
    return dumpTables(this.db);
  }

  /** Stops everything in-process (the Node stand-in for a terminated worker). */
  stop(): void {
    this.crash.dead = true;
    this.relay.stop();
    this.broker.close();
    this.rpc.close();
    this.db.close();
  }

  private lastRelayReport = 0;

  /** The relay's meter, for the canvas: after every publish, and otherwise at most once a second. */
  reportRelay(now = false): void {
    // Real time, not simulation time: this paces the canvas, whatever the run's speed.
    const at = this.deps.clock.now();
    if (!now && at - this.lastRelayReport < RELAY_REPORT_EVERY_MS) return;
    this.lastRelayReport = at;
    this.deps.emit({ kind: 'relay', service: this.def.name, stats: this.relay.meter.snapshot() });
  }

  private onCommit(changes: Change[]): void {
    // A transaction that committed is a fact even if the process dies right after it.
    if (!changes.length) return;
    this.reference.apply(changes);
    this.relay.handed?.(changes);
    this.deps.emit({ kind: 'commit', service: this.def.name, changes });
    if (changes.some((c) => c.op === 'clear'))
      hydrate(this.db, this.def.name, this.deps.emit).catch((error) => {
        if (!this.crash.endedBy(error)) throw error;
      });
  }
}
