// One running service: its database, outbox relay and consumer, wired to the
// broker and to telemetry. Host-agnostic: a worker entry and a Node test both
// build one of these, passing in storage, wire, clock, ids and how to die.

import type { Dexie } from 'dexie';
import type { Clock, SteppedClock } from '../clock';
import { CrashSwitch } from '../crash';
import type { CrashPoint } from '../crashPoints';
import { withoutLiveQueries, type DexieDeps } from '../broker/brokerDb';
import type { BrokerPort } from '../broker/brokerPort';
import type { Fact } from '../telemetry';
import type { OpenChannel } from '../transport';
import type { ProcedureContext, ServiceConfig, ServiceDefinition } from './definition';
import { RpcNode } from '../rpc';
import { adjustBaselines, recordBaselines } from './baselines';
import { dumpTables, openServiceDb } from './serviceDb';
import { commitCapture } from './commitCapture';
import { OutboxRelay, toMessage, type OutboxRelayLike, type RelayDeps } from './relay';
import { LogTailingRelay } from './logTailingRelay';
import { OUTBOX_TABLE } from '../cdc/router';
import type { OutboxRow } from '../rows';
import { Consumer } from './consumer';
import { inTransaction, type UnitDeps } from './unitOfWork';
import { CommandBatch } from './commandBatch';

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

/** One unit of work a deterministic run grants a service. */
export type ServiceStep =
  | { kind: 'relay' }
  | { kind: 'consume'; topic: string; partition: number; max: number }
  | { kind: 'tick' }
  | { kind: 'command'; name: string; input: unknown };

/** What a service still has to do, as a deterministic scheduler sees it. */
export interface ServicePending {
  unpublished: number;
  /** The earliest timer (a saga deadline) on the simulation clock, if any. */
  nextDue: number | null;
}

const SEEDED_KEY = 'seeded';
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
  private readonly commands: CommandBatch;
  private config: ServiceConfig;

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
    this.db.use(commitCapture((changes) => this.onCommit(changes)));
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
          (input: unknown) => this.running(() => procedure(this.procedureContext(), input)),
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
      publishDirect: (rows) => this.publishDirect(rows),
    };
    // Live runs with an outbox commit concurrent commands together; a deterministic step runs one at a time anyway.
    this.commands = new CommandBatch(this.unit, () => !deps.stepped && this.config.publishing === 'outbox');
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
    await this.seedOnce();
    await this.hydrate();
    const recovered = this.def.recover
      ? this.running(() => this.def.recover!(this.procedureContext(), null)).catch((error) => {
          if (!this.crash.endedBy(error))
            this.deps.emit({
              kind: 'handler-failed',
              service: this.def.name,
              messageId: 'recover',
              type: 'recover',
              error: String(error),
            });
        })
      : Promise.resolve();
    if (this.deps.stepped) {
      // A deterministic restart is one step: it ends once the group has the member and recovery is done.
      await this.consumer.start();
      await recovered;
    } else {
      void this.relay.run();
      void this.consumer.start();
      void this.runTicks();
    }
    this.deps.emit({ kind: 'ready', process: this.def.name });
  }

  /** Deterministic runs: performs one granted step at simulation time `at`; returns what it did, for the trace. */
  async step(step: ServiceStep, at: number): Promise<string> {
    if (!this.deps.stepped)
      throw new Error(`${this.def.name} runs live: steps are granted only in a deterministic run`);
    this.deps.stepped.set(at);
    switch (step.kind) {
      case 'relay': {
        const done = await this.relay.tick();
        this.reportRelay(true);
        return `published ${done}`;
      }
      case 'consume':
        return this.consumer.consumeOnce(step.topic, step.partition, step.max);
      case 'tick':
        await this.tickOnce();
        return 'timers checked';
      case 'command':
        return JSON.stringify((await this.command(step.name, step.input)) ?? null);
    }
  }

  /** Deterministic runs: what this service could do next. */
  async pending(): Promise<ServicePending> {
    const due = this.def.tick?.due;
    const first = due ? await this.db.table(due.table).orderBy(due.index).first() : undefined;
    return {
      unpublished: await this.relay.unpublished(),
      nextDue: first ? (first[due!.index] as number) : null,
    };
  }

  /** Runs a command (placing an order, say) as one local transaction. */
  async command(name: string, input: unknown): Promise<unknown> {
    const procedure = this.def.procedures?.[name];
    if (procedure) return this.running(() => procedure(this.procedureContext(), input));
    const handler = this.def.commands?.[name];
    if (!handler) throw new Error(`${this.def.name} has no command ${name}`);
    const { value, emitted } = await this.commands.run((unit) => handler(unit.context(), input));
    if (emitted) this.relay.wake();
    return value;
  }

  /** Procedures and calls under way: settle() waits for them like for any other step. */
  private procedures = 0;

  private async running<T>(work: () => Promise<T>): Promise<T> {
    this.procedures++;
    try {
      return await work();
    } finally {
      this.procedures--;
    }
  }

  private procedureContext(): ProcedureContext {
    return {
      transaction: async (work) => (await inTransaction(this.unit, (unit) => work(unit.context()))).value,
      call: (service, endpoint, ...args) => {
        this.crash.assertAlive();
        return this.rpc.call(service, endpoint, ...args);
      },
      crashPoint: (point) => this.crash.at(point),
      sleep: async (ms) => {
        await this.deps.clock.sleep(ms);
        this.crash.assertAlive();
      },
    };
  }

  /** Dual write's second half. If the broker does not confirm, the event is simply gone: nothing will send it again. */
  private async publishDirect(rows: OutboxRow[]): Promise<void> {
    this.crash.assertAlive();
    try {
      await this.broker.publish(rows.map((row) => toMessage(this.def.name, row, this.config.relay.mode)));
      this.deps.emit({
        kind: 'published',
        service: this.def.name,
        count: rows.length,
        topics: [...new Set(rows.map((r) => r.aggregatetype))],
      });
    } catch (error) {
      this.deps.emit({
        kind: 'publish-lost',
        service: this.def.name,
        types: rows.map((r) => r.type),
        error: String(error),
      });
    }
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
    const due = this.def.tick?.due;
    return {
      unpublished: await this.relay.unpublished(),
      busy: this.consumer.busy + this.procedures + (this.relay.publishing ? 1 : 0),
      // Only rows with a deadline are in the index, so counting it counts the timers that are set.
      timers: due ? await this.db.table(due.table).orderBy(due.index).count() : 0,
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

  private paused = false;

  /** Runs the definition's periodic work, each round in its own transaction, while not paused. */
  private async runTicks(): Promise<void> {
    const tick = this.def.tick;
    if (!tick) return;
    while (!this.crash.dead) {
      await this.deps.clock.sleep(tick.intervalMs);
      if (this.paused || this.crash.dead) continue;
      try {
        await this.tickOnce();
      } catch (error) {
        if (this.crash.endedBy(error)) return;
        // A failing round is reported and tried again next interval; the loop must not die with it.
        this.deps.emit({
          kind: 'handler-failed',
          service: this.def.name,
          messageId: 'tick',
          type: 'tick',
          error: String(error),
        });
      }
    }
  }

  private async tickOnce(): Promise<void> {
    const { emitted } = await inTransaction(this.unit, (unit) => this.def.tick!.run(unit.context()));
    if (emitted) this.relay.wake();
  }

  private async seedOnce(): Promise<void> {
    const seed = this.def.seed;
    await inTransaction(this.unit, async (unit) => {
      const meta = unit.context().table<{ key: string; value: number }>('meta');
      if (await meta.get(SEEDED_KEY)) return;
      if (seed) await seed(unit.context());
      await recordBaselines(unit.context(), this.def.conserved ?? {});
      await meta.put({ key: SEEDED_KEY, value: unit.now });
    });
  }

  private async hydrate(): Promise<void> {
    this.deps.emit({ kind: 'hydrate', service: this.def.name, tables: await this.dump() });
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

  private onCommit(changes: import('../telemetry').Change[]): void {
    // A transaction that committed is a fact even if the process dies right after it.
    if (!changes.length) return;
    this.deps.emit({ kind: 'commit', service: this.def.name, changes });
    if (changes.some((c) => c.op === 'clear'))
      this.hydrate().catch((error) => {
        if (!this.crash.endedBy(error)) throw error;
      });
  }
}
