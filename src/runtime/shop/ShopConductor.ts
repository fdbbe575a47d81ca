// The shop run's conductor: the one Conductor's lifecycle over the broker and
// the shop's services, plus the shop's own calls — place orders, configure
// the services, edit business data, act on sagas, inject broker faults — its
// sim world for deterministic runs, and what it checks and reads back.

import type { SimTiming } from '../../core/clock';
import type { LogRow } from '../../core/broker/brokerDb';
import type { Fault } from '../../core/faults/faultPlan';
import { checkInvariants } from '../../core/invariants';
import { type Anomaly } from '../../core/invariantCatalogue';
import type { ServiceName } from '../../core/rows';
import { sagaViews, type SagaView } from '../../core/saga/sagaView';
import { DEFAULT_SCENARIO, type Ordering, type Scenario } from '../../core/scenario/scenario';
import { validateDataEdit } from '../../core/scenario/validate';
import type { ServiceConfig } from '../../core/service/definition';
import { serviceConfig } from '../../core/service/pace';
import { sampleOrder } from '../../core/services/catalog';
import { ORDER_COMMANDS } from '../../core/services/orderCommands';
import { stateHash } from '../../core/sim/stateHash';
import type { Fact, ProcessName } from '../../core/telemetry';
import type { Controller, GuardsEvent, WorkshopEvent } from '../controller';
import { WorkshopRoom } from '../workshop/WorkshopRoom';
import type { ServicePresence } from '../../core/workshop/heartbeats';
import type { ForkSwitch } from '../forkLink';
import type { PlaceOrderInput } from '../../core/services/catalog';
import { Conductor, type ConductorOptions, type StartContext, type SteppingContext } from '../run/Conductor';
import { natsUrlOf, ownServices, shopFacts, shopServices } from '../topologies/shop';
import { brokerLogOf, owedBy, snapshotOf, type RunProcesses, type Snapshot } from '../runReads';
import type { BrokerStartOptions, NatsBrokerStartOptions, ServiceStartOptions } from '../startOptions';
import { startShopStepping } from '../stepping/shopStepping';
import type { StepDriver } from '../stepDriver';
import { shopFold, shopMoment, type ShopState } from '../../core/history/shopFold';
import { shopInspect } from '../../core/history/shopInspect';
import type { HistorySpec } from '../../core/history/historySpec';

export type { Snapshot } from '../runReads';
export type { ConductorOptions } from '../run/Conductor';

export class ShopConductor
  extends Conductor<ProcessName, Fact | GuardsEvent | WorkshopEvent, Snapshot>
  implements Controller
{
  readonly topology = 'shop' as const;
  config: ServiceConfig;
  readonly services: ServiceName[];
  readonly ordering: Ordering;
  /** The NATS server this run's processes use instead of the local broker (a live run on broker nats), or null. */
  readonly natsUrl: string | null;
  /** A workshop's split run: this browser's seat, through which it reaches the services other browsers run. */
  private readonly room: WorkshopRoom | null;
  private workshop: WorkshopEvent | null = null;

  constructor(options: ConductorOptions = {}) {
    const scenario = { ...DEFAULT_SCENARIO, ...options.scenario };
    const url = natsUrlOf(scenario);
    // A workshop run is named by its link: every browser's databases, streams and subjects carry that name.
    const runId = scenario.run || options.runId;
    const room =
      scenario.run && url
        ? new WorkshopRoom(scenario.run, url, ownServices(scenario), shopServices(scenario))
        : null;
    super({ ...options, scenario, runId }, shopFacts(scenario, room ? (s) => room.worker(s) : undefined));
    this.room = room;
    this.config = serviceConfig(this.setup);
    this.ordering = this.setup.ordering;
    this.services = shopServices(this.setup);
    this.natsUrl = url;
  }

  /** A workshop browser first takes its seat: it starts nothing when the server is away or its service is taken. */
  async start(): Promise<void> {
    if (this.room) {
      let refused: string | null;
      try {
        refused = await this.room.join({
          call: (service, method, args) => this.call(service, method, ...args),
          status: (service) => this.status(service),
          setPaused: (paused) => (paused === this.paused ? undefined : paused ? this.pause() : this.play()),
          presence: (view) => this.presenceChanged(view),
        });
      } catch (error) {
        return this.fail(
          'BROKER_UNREACHABLE',
          `connecting to the NATS server at ${this.natsUrl} failed: ${(error as Error).message}`,
        );
      }
      if (refused) {
        this.room.close();
        return this.fail('SERVICE_OWNED', refused);
      }
    }
    return super.start();
  }

  /**
   * The heartbeats changed: a remote service whose owner fell silent (or says it is down) is down here too, and
   * one whose owner is heard running again starts again here (its worker asks the owner for its tables).
   */
  private presenceChanged(services: ServicePresence[]): void {
    const room = this.room!;
    this.workshop = { kind: 'workshop', run: this.runId, self: room.self, services };
    for (const { service, presence } of services) {
      const name = service as ServiceName;
      if (!room.remote.has(name)) continue;
      const down = this.status(name) === 'crashed';
      if (presence === 'remote' && down) void this.restart(name).catch(() => undefined);
      if (presence !== 'remote' && !down) this.crashNow(name);
    }
    this.publish([this.workshop]);
  }

  dispose(): void {
    super.dispose();
    this.room?.close();
  }

  // ——— The slots of the one conductor ———

  /**
   * The broker and each service: the settings (a live run's slow consumer applied), pause, clock and seed, and
   * the NATS server when the run is on it. A deterministic link asking for NATS runs on the local broker, which
   * is told so its node can say it.
   */
  protected startOptions(
    name: ProcessName,
    { deterministic }: StartContext,
  ): ServiceStartOptions | BrokerStartOptions | NatsBrokerStartOptions {
    const config = this.liveConfig(name);
    const paused = this.paused && !deterministic;
    const nats = this.natsUrl === null ? undefined : { url: this.natsUrl };
    if (name === 'broker' && nats) return { nats, paused, services: this.services, relay: config.relay.mode };
    if (name === 'broker') {
      const natsAsked = this.setup.broker === 'nats' ? this.setup.natsUrl : undefined;
      const timing = deterministic ? undefined : this.simClock.get();
      return {
        logRetentionMs: config.retention?.brokerLogMs ?? null,
        paused,
        timing,
        deterministic,
        natsAsked,
      };
    }
    return { config, paused, timing: this.simClock.get(), deterministic, nats };
  }

  /** The scenario's business data goes in before anything else happens (a resumed run has it already). */
  protected async started(): Promise<void> {
    if (!this.resumed)
      for (const edit of this.setup.data)
        // In a workshop, each browser sets its own services' rows.
        if (!this.room?.remote.has(edit.service)) await this.editRow(edit.service, edit.table, edit.row);
    if (this.setup.speed !== 1) this.setSpeed(this.setup.speed);
  }

  protected stepping(context: SteppingContext<ProcessName, Fact>): Promise<StepDriver> {
    return startShopStepping({
      ...context,
      processNames: this.processNames,
      proc: (name) => this.handle(name),
      orders: this.setup.orders,
      orderCommand: ORDER_COMMANDS[this.ordering],
    });
  }

  protected present() {
    return [
      { kind: 'sim' as const, sim: this.simState() },
      { kind: 'paused' as const, paused: this.paused },
      { kind: 'timing' as const, timing: this.simClock.get() },
      this.guardsEvent(),
      ...(this.workshop ? [this.workshop] : []),
    ];
  }

  protected pauseChanged(paused: boolean): void {
    for (const name of this.processNames)
      if (this.handle(name).alive)
        void this.handle(name)
          .call('setPaused', paused)
          .catch(() => undefined);
  }

  protected timingChanged(timing: SimTiming): void {
    // The local broker stamps its facts with the same clock (a NATS broker process stamps nothing).
    if (this.natsUrl === null && this.handle('broker').alive)
      void this.handle('broker')
        .call('setTiming', timing)
        .catch(() => undefined);
    for (const name of this.services)
      if (this.handle(name).alive)
        void this.handle(name)
          .call('setTiming', timing)
          .catch(() => undefined);
  }

  /** Every commit is a change the checker may see; every fact is for the listeners. */
  protected report(facts: { kind: string }[]): { events: Fact[]; changed: boolean } {
    return { events: facts as Fact[], changed: facts.some((f) => f.kind === 'commit') };
  }

  protected owed(): Promise<string | null> {
    return owedBy(this.reads());
  }

  /** A deterministic run's snapshot is read between two steps: a consistent cut, so the checks across services run every time. */
  protected async check(settled: boolean, state: () => Promise<Snapshot>): Promise<Anomaly[]> {
    return checkInvariants(await state(), {
      settled,
      consistent: this.mode === 'deterministic',
      messaging: this.ordering === 'messaging',
    });
  }

  // ——— The shop's own calls ———

  async placeOrder(input: Partial<PlaceOrderInput> = {}): Promise<string> {
    const order = { ...sampleOrder(Math.random), ...input };
    return this.command<string>('order', ORDER_COMMANDS[this.ordering], order);
  }

  placeOrders(count: number): Promise<string[]> {
    return Promise.all(Array.from({ length: count }, () => this.placeOrder()));
  }

  /** Runs a service's command; in a deterministic run it waits for its step like everything else. */
  private async command<T>(service: ServiceName, name: string, input: unknown): Promise<T> {
    if (!this.driver) return this.handle(service).call<T>('command', name, input);
    return this.request<T>(service, name, input);
  }

  /** Replaces the fault plan; a slow consumer, in a live run, is a longer pause before each delivery. */
  async setFaultPlan(plan: Fault[]): Promise<void> {
    await super.setFaultPlan(plan);
    await this.configure({});
  }

  /** Changes service settings (pace, inbox, idempotency keys) in every running service; the page hears the guards. */
  async configure(patch: Partial<ServiceConfig>): Promise<void> {
    this.config = { ...this.config, ...patch };
    await Promise.all(
      this.services
        .filter((s) => this.handle(s).alive)
        .map((s) => this.handle(s).call('configure', this.liveConfig(s))),
    );
    this.publish([this.guardsEvent()]);
  }

  /** A fork's switch: a guard, read by every service at each use (a crashed one starts again with it). */
  protected flipSwitch(name: ForkSwitch, on: boolean): Promise<void> {
    return this.configure({ [name]: on });
  }

  private guardsEvent(): GuardsEvent {
    const { inbox, idempotencyKeys, semanticLocks } = this.config;
    return { kind: 'guards', guards: { inbox, idempotencyKeys, semanticLocks } };
  }

  /** A service's settings: the run's, with a live run's slow-consumer fault applied (a deterministic run grants it fewer steps instead). */
  private liveConfig(name: ProcessName): ServiceConfig {
    const factor = this.faults.slowness(name);
    if (factor <= 1 || this.mode === 'deterministic') return this.config;
    const consumer = {
      ...this.config.consumer,
      delayMs: Math.max(this.config.consumer.delayMs, 50) * factor,
    };
    return { ...this.config, consumer };
  }

  /** The services' and the broker's commits fold into snapshot()'s shape; inspect follows message ids. */
  protected historySpec(): HistorySpec<ShopState, Snapshot> {
    return {
      fold: shopFold as HistorySpec<ShopState, Snapshot>['fold'],
      moment: (state) => shopMoment(state, this.services) as Snapshot,
      inspect: shopInspect,
    };
  }

  /** Every database, read by its own process, or straight from IndexedDB while that process is down. */
  snapshot(): Promise<Snapshot> {
    return snapshotOf(this.reads());
  }

  /** A fingerprint of every database (the broker's live view left out): equal end states hash equal, on every host. */
  async stateHash(): Promise<string> {
    return stateHash(await this.snapshot());
  }

  /** Every record the broker holds, for the exports: read by the broker, or from its database while it is down. */
  brokerLog(): Promise<LogRow[]> {
    return brokerLogOf(this.reads());
  }

  private reads(): RunProcesses {
    return {
      runId: this.runId,
      services: this.services,
      processNames: this.processNames,
      proc: (name) => this.handle(name),
      remote: this.room?.remote,
    };
  }

  /** Every saga, orchestrated or choreographed, read from the databases. */
  async sagas(): Promise<SagaView[]> {
    return sagaViews((await this.snapshot()).services);
  }

  /** An operator's decision about a stuck (or running) orchestrated saga. */
  sagaAction(action: 'retrySaga' | 'skipStep' | 'forceCompensation', sagaId: string): Promise<string> {
    return this.command<string>('orchestrator', action, { sagaId });
  }

  /**
   * Edits one row of a service's business data (stock, customers, regions, settings). Checked as a link's rows
   * are, so neither a script nor a field of the Setup tab writes a cell a link could not hold.
   */
  async editRow(service: ServiceName, table: string, row: Record<string, unknown>): Promise<void> {
    const checked = validateDataEdit({ service, table, row });
    if (!checked.ok) throw new Error(`not a valid ${service}.${table} row: ${checked.problems.join('; ')}`);
    return this.handle(service).call('editRow', table, checked.edit.row);
  }

  /**
   * A fault the broker injects on request, for scripts: `duplicateNext(group, type)`, `delayNext(group, type, ms)`
   * (other partitions overtake it) or `refusePublishes(n)` (an outage for writes).
   */
  brokerFault(
    fault: 'duplicateNext' | 'delayNext' | 'refusePublishes',
    ...args: (string | number)[]
  ): Promise<void> {
    return this.handle('broker').call(fault, ...args);
  }

  /** The run as a scenario now: its switches as configured, its current fault plan (a fork's change left out). */
  scenario(): Scenario {
    const { publishing, sagaStyle, inbox, idempotencyKeys, semanticLocks } = this.config;
    const now = { ...this.setup, publishing, sagaStyle, inbox, idempotencyKeys, semanticLocks };
    return this.fork.linkScenario({ ...now, faults: this.linkFaults() }, this.setup);
  }
}
